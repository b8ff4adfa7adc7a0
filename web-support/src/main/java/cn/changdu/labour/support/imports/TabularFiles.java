package cn.changdu.labour.support.imports;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the rosters county offices keep: XLSX (first sheet) or CSV (UTF-8, with or without BOM, or GB18030 as
 * Excel writes it on Chinese Windows). The first row holds the column titles.
 */
public final class TabularFiles {

    private static final Charset GB18030 = Charset.forName("GB18030");

    private TabularFiles() {
    }

    public static Table read(String filename, InputStream in) {
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".xlsx")) {
                return readXlsx(in);
            }
            if (name.endsWith(".csv")) {
                return readCsv(decode(in.readAllBytes()));
            }
        } catch (IOException e) {
            // the library's own message is advice for programmers (and may quote the file): not for the caller
            throw new ImportFileException(isZipBomb(e)
                    ? "文件解压后过大（压缩比异常），不予读取；请检查文件，或按县、按月拆分后重新导入"
                    : "文件无法读取：文件已损坏，或不是所声明的格式", e);
        }
        throw new ImportFileException("只支持 .xlsx 和 .csv 文件，收到：" + filename);
    }

    private static Table readXlsx(InputStream in) throws IOException {
        try (Workbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            List<String> titles = null;
            List<ImportRow> rows = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
                    cells.add(text(row.getCell(c), formatter));
                }
                if (titles == null) {
                    titles = cells.stream().map(String::strip).toList();
                } else {
                    add(rows, row.getRowNum() + 1, titles, cells);
                }
            }
            return new Table(titles == null ? List.of() : titles, rows);
        } catch (org.apache.poi.UnsupportedFileFormatException | org.apache.poi.ooxml.POIXMLException e) {
            if (isZipBomb(e)) {
                throw new IOException(e);
            }
            throw new ImportFileException("不是有效的 .xlsx 文件", e);
        }
    }

    /** POI's guard against a file that inflates far beyond its size (its minimum inflate ratio, entry size). */
    private static boolean isZipBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("Zip bomb")) {
                return true;
            }
        }
        return false;
    }

    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().toString();
        }
        if (cell.getCellType() == CellType.NUMERIC) {
            // plain text of the number: 540321199003150018 typed as a number must not become 5.40321E+17
            return new java.math.BigDecimal(Double.toString(cell.getNumericCellValue())).stripTrailingZeros().toPlainString();
        }
        return formatter.formatCellValue(cell);
    }

    static String decode(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, GB18030);
        }
    }

    /** RFC 4180: quoted fields may hold commas, quotes ("") and line breaks. */
    static Table readCsv(String text) {
        List<List<String>> records = new ArrayList<>();
        List<Integer> lineOfRecord = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int recordLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    field.append(ch);
                }
            } else if (ch == '"' && field.isEmpty()) {
                quoted = true;
            } else if (ch == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                lineOfRecord.add(recordLine);
                record = new ArrayList<>();
                line++;
                recordLine = line;
            } else {
                field.append(ch);
            }
        }
        if (!field.isEmpty() || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
            lineOfRecord.add(recordLine);
        }
        List<ImportRow> rows = new ArrayList<>();
        if (records.isEmpty()) {
            return new Table(List.of(), rows);
        }
        List<String> titles = records.get(0).stream().map(String::strip).toList();
        for (int r = 1; r < records.size(); r++) {
            add(rows, lineOfRecord.get(r), titles, records.get(r));
        }
        return new Table(titles, rows);
    }

    private static void add(List<ImportRow> rows, int rowNumber, List<String> titles, List<String> cells) {
        Map<String, String> byTitle = new LinkedHashMap<>();
        for (int c = 0; c < Math.min(titles.size(), cells.size()); c++) {
            String value = cells.get(c).strip();
            if (!value.isEmpty() && !titles.get(c).isEmpty()) {
                byTitle.put(titles.get(c), value);
            }
        }
        if (!byTitle.isEmpty()) {
            rows.add(new ImportRow(rowNumber, byTitle));
        }
    }
}
