package cn.changdu.labour.support.imports;

import java.util.List;

/**
 * The answer to a bulk import.
 *
 * @param rows       data rows in the file
 * @param applied    rows recorded
 * @param partial    whether the caller asked for the good rows to be recorded despite bad ones
 * @param errors     the bad rows, each with field and rule: the first {@link #MAX_ERRORS}
 * @param errorCount how many errors there were in all
 */
public record ImportReport(int rows, int applied, boolean partial, List<RowError> errors, int errorCount) {

    /** The most row errors an answer lists: a file with a bad value on every row is answered with a bounded body. */
    public static final int MAX_ERRORS = 1000;

    public static ImportReport of(int rows, int applied, boolean partial, List<RowError> errors) {
        return new ImportReport(rows, applied, partial, firstOf(errors), errors.size());
    }

    /** The first {@link #MAX_ERRORS} of {@code errors}. */
    public static List<RowError> firstOf(List<RowError> errors) {
        return errors.size() <= MAX_ERRORS ? List.copyOf(errors) : List.copyOf(errors.subList(0, MAX_ERRORS));
    }
}
