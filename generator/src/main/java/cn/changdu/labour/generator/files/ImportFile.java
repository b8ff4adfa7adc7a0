package cn.changdu.labour.generator.files;

import java.util.ArrayList;
import java.util.List;

/**
 * An import file as a county office or department would send it: column titles (as the services name them, in
 * Chinese), the true rows, and the few bad rows the office typed (a wrong check digit, a ten-digit phone, a row
 * twice …) that the service must refuse. The original file is the true rows with the bad ones in place; the
 * corrected file, sent after the refusal, is the true rows alone.
 */
public final class ImportFile {

    /** File format: CSV (UTF-8 with BOM, as Excel saves "CSV UTF-8") or XLSX. */
    public enum Format {
        CSV, XLSX;

        public String extension() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public String contentType() {
            return this == CSV ? "text/csv" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        }
    }

    /**
     * A bad row of the original file.
     *
     * @param before the index of the true row it stands before; {@code replaces}: it stands instead of that row
     * @param kind   what is wrong (e.g. {@code resident-id-check-digit}); the manifest lists it
     * @param cells  the row as typed
     */
    public record BadRow(int before, boolean replaces, String kind, List<String> cells) {
    }

    private final String name;
    private final Format format;
    private final String sheet;
    private final List<String> columns;
    private final List<List<String>> rows;
    private final List<BadRow> badRows;
    private byte[] original;
    private byte[] corrected;

    /** {@code name} without extension; bad rows in the order of {@code before}. */
    public ImportFile(String name, Format format, String sheet, List<String> columns, List<List<String>> rows,
                      List<BadRow> badRows) {
        this.name = name + "." + format.extension();
        this.format = format;
        this.sheet = sheet;
        this.columns = List.copyOf(columns);
        this.rows = List.copyOf(rows);
        this.badRows = badRows.stream().sorted(java.util.Comparator.comparingInt(BadRow::before)).toList();
    }

    public String name() {
        return name;
    }

    public Format format() {
        return format;
    }

    public List<String> columns() {
        return columns;
    }

    /** The true rows (the corrected file). */
    public List<List<String>> rows() {
        return rows;
    }

    public List<BadRow> badRows() {
        return badRows;
    }

    /** The rows of the file as sent: the original (true rows with the bad ones in place) or the corrected one. */
    public List<List<String>> rowsAsSent(boolean correctedFile) {
        if (correctedFile || badRows.isEmpty()) {
            return rows;
        }
        List<List<String>> out = new ArrayList<>(rows.size() + badRows.size());
        int next = 0;
        for (int i = 0; i <= rows.size(); i++) {
            boolean replaced = false;
            while (next < badRows.size() && badRows.get(next).before() == i) {
                BadRow bad = badRows.get(next++);
                out.add(bad.cells());
                replaced |= bad.replaces();
            }
            if (i < rows.size() && !replaced) {
                out.add(rows.get(i));
            }
        }
        return out;
    }

    /**
     * The row numbers of the bad rows in the original file, as the services number them: the title row is 1, the
     * first data row 2.
     */
    public List<Integer> badRowNumbers() {
        List<Integer> numbers = new ArrayList<>();
        List<List<String>> sent = rowsAsSent(false);
        for (BadRow bad : badRows) {
            // each bad row's cells object is in the original exactly once (identity, not equality: a duplicate row
            // has the same cells as the true one)
            for (int i = 0; i < sent.size(); i++) {
                if (sent.get(i) == bad.cells()) {
                    numbers.add(i + 2);
                    break;
                }
            }
        }
        return numbers;
    }

    /** The file's bytes, original or corrected (rendered once each). */
    public synchronized byte[] bytes(boolean correctedFile) {
        if (correctedFile || badRows.isEmpty()) {
            if (corrected == null) {
                corrected = render(rows);
            }
            return corrected;
        }
        if (original == null) {
            original = render(rowsAsSent(false));
        }
        return original;
    }

    private byte[] render(List<List<String>> data) {
        return format == Format.CSV ? Csv.write(columns, data) : Xlsx.write(sheet, columns, data);
    }

    /** Data rows in the original file. */
    public int originalRows() {
        return rows.size() + (int) badRows.stream().filter(b -> !b.replaces()).count();
    }
}
