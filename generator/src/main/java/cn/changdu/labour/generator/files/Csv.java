package cn.changdu.labour.generator.files;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** CSV as Excel saves "CSV UTF-8": a byte-order mark, CRLF line ends, RFC 4180 quoting where a field needs it. */
final class Csv {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private Csv() {
    }

    static byte[] write(List<String> columns, List<List<String>> rows) {
        StringBuilder text = new StringBuilder(64 + rows.size() * 96);
        line(text, columns);
        for (List<String> row : rows) {
            line(text, row);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() * 2);
        out.writeBytes(BOM);
        out.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static void line(StringBuilder text, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            String cell = cells.get(i) == null ? "" : cells.get(i);
            if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
                text.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                text.append(cell);
            }
        }
        text.append("\r\n");
    }
}
