package cn.changdu.labour.support.imports;

import java.util.Map;

/**
 * One data row of an uploaded roster.
 *
 * @param row   the row's number as a spreadsheet shows it (the header is row 1, the first data row is 2)
 * @param cells cell text by column title, blank cells left out
 */
public record ImportRow(int row, Map<String, String> cells) {
}
