package cn.changdu.labour.support.imports;

import java.util.List;

/** An uploaded roster: its column titles (first row) and its non-empty data rows. */
public record Table(List<String> titles, List<ImportRow> rows) {
}
