package cn.changdu.labour.support.imports;

import java.util.List;

/**
 * The answer to a bulk import.
 *
 * @param rows    data rows in the file
 * @param applied rows recorded
 * @param partial whether the caller asked for the good rows to be recorded despite bad ones
 * @param errors  every bad row, each with field and rule
 */
public record ImportReport(int rows, int applied, boolean partial, List<RowError> errors) {
}
