package cn.changdu.labour.generator.files;

import cn.changdu.labour.contracts.person.ResidentId;
import cn.changdu.labour.generator.files.ImportFile.BadRow;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Import files: XLSX as POI (and so the services) reads it, CSV as Excel writes it, bad rows where they say. */
class ImportFileTest {

    private static final List<String> COLUMNS = List.of("姓名", "身份证号", "手机号");
    private final List<String> first = List.of("扎西多吉", "540321199003150018", "13912345678");
    private final List<String> second = List.of("白玛卓嘎", "540302198807120026", "13898765432");

    @Test
    void an_xlsx_file_opens_with_poi_with_every_cell_as_text() throws Exception {
        ImportFile file = new ImportFile("roster", ImportFile.Format.XLSX, "学员花名册", COLUMNS, List.of(first, second), List.of());
        assertThat(cells(file.bytes(false))).containsExactly(COLUMNS, first, second);
        assertThat(file.name()).isEqualTo("roster.xlsx");
    }

    @Test
    void the_bytes_are_the_same_every_time() {
        byte[] a = new ImportFile("r", ImportFile.Format.XLSX, "s", COLUMNS, List.of(first, second), List.of()).bytes(true);
        byte[] b = new ImportFile("r", ImportFile.Format.XLSX, "s", COLUMNS, List.of(first, second), List.of()).bytes(true);
        assertThat(a).isEqualTo(b);
    }

    @Test
    void a_csv_file_has_a_byte_order_mark_crlf_and_quotes_where_needed() {
        List<String> comma = List.of("扎西,多吉", "540321199003150018", "");
        byte[] bytes = new ImportFile("r", ImportFile.Format.CSV, "s", COLUMNS, List.of(comma), List.of()).bytes(true);
        assertThat(bytes[0] & 0xFF).isEqualTo(0xEF);
        assertThat(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8))
                .isEqualTo("姓名,身份证号,手机号\r\n\"扎西,多吉\",540321199003150018,\r\n");
    }

    @Test
    void bad_rows_stand_where_the_services_will_number_them() throws Exception {
        List<String> duplicate = new ArrayList<>(first);
        List<String> mistyped = List.of(second.get(0), second.get(1).substring(0, 17) + "9", second.get(2));
        ImportFile file = new ImportFile("r", ImportFile.Format.XLSX, "s", COLUMNS, List.of(first, second),
                List.of(new BadRow(1, false, "listed-twice", duplicate), new BadRow(1, true, "resident-id-check-digit", mistyped)));
        // title row 1; first 2; its duplicate 3; the mistyped second 4
        assertThat(cells(file.bytes(false))).containsExactly(COLUMNS, first, first, mistyped);
        assertThat(file.badRowNumbers()).containsExactly(3, 4);
        assertThat(cells(file.bytes(true))).containsExactly(COLUMNS, first, second);
        assertThat(ResidentId.validate(mistyped.get(1))).isPresent();
        assertThat(file.originalRows()).isEqualTo(3);
    }

    @Test
    void columns_are_named_like_excel() {
        assertThat(List.of(Xlsx.column(0), Xlsx.column(25), Xlsx.column(26), Xlsx.column(27))).containsExactly("A", "Z", "AA", "AB");
    }

    /** The sheet as the services read it (TabularFiles: first sheet, DataFormatter). */
    static List<List<String>> cells(byte[] xlsx) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    cells.add(row.getCell(c) == null ? "" : formatter.formatCellValue(row.getCell(c)));
                }
                rows.add(cells);
            }
        }
        return rows;
    }
}
