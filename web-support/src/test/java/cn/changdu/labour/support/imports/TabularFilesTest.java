package cn.changdu.labour.support.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.validation.Validation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class TabularFilesTest {

    record Person(@NotBlank String name, @Positive int size, LocalDate start) {
    }

    private final RowBinder<Person> binder = new RowBinder<>(Person.class,
            Map.of("姓名", "name", "name", "name", "人数", "size", "开始日期", "start"),
            Validation.buildDefaultValidatorFactory().getValidator(), new ObjectMapper().registerModule(new JavaTimeModule()));

    @Test
    void reads_csv_with_quotes_line_breaks_and_gb18030() {
        String csv = "姓名,人数,开始日期\r\n\"扎西, 多吉\",3,2020-06-01\r\n\"次仁\n卓玛\",0,2020-06-01\r\n,,\r\n格桑,x,2020-06-01\r\n";
        Table table = TabularFiles.read("roster.csv", new ByteArrayInputStream(csv.getBytes(Charset.forName("GB18030"))));
        assertThat(table.titles()).containsExactly("姓名", "人数", "开始日期");
        assertThat(table.rows()).extracting(ImportRow::row).containsExactly(2, 3, 6);
        assertThat(table.rows().get(0).cells()).containsEntry("姓名", "扎西, 多吉");

        RowBinder.Binding<Person> binding = binder.bind(table);
        assertThat(binding.valid()).extracting(RowBinder.Bound::row).containsExactly(2);
        assertThat(binding.errors()).extracting(RowError::row, RowError::field, RowError::rule)
                .containsExactly(tuple(3, "size", "Positive"), tuple(6, "size", "format"));
        assertThat(binding.errors().get(1).message()).isEqualTo("值 \"x\" 格式不正确");
    }

    @Test
    void reads_xlsx_dates_and_long_numbers_as_text() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XSSFSheet sheet = workbook.createSheet();
            var header = sheet.createRow(0);
            header.createCell(0).setCellValue("name");
            header.createCell(1).setCellValue("人数");
            header.createCell(2).setCellValue("开始日期");
            var row = sheet.createRow(1);
            row.createCell(0).setCellValue("扎西");
            row.createCell(1).setCellValue(30);
            var date = row.createCell(2);
            date.setCellValue(LocalDate.of(2020, 6, 1));
            var style = workbook.createCellStyle();
            style.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy/m/d"));
            date.setCellStyle(style);
            workbook.write(out);
        }
        Table table = TabularFiles.read("roster.XLSX", new ByteArrayInputStream(out.toByteArray()));
        assertThat(table.rows().get(0).cells()).containsEntry("人数", "30").containsEntry("开始日期", "2020-06-01");
        assertThat(binder.bind(table).valid()).extracting(b -> b.value().start()).containsExactly(LocalDate.of(2020, 6, 1));
    }

    @Test
    void a_file_without_the_required_columns_or_of_another_kind_is_refused() {
        Table table = TabularFiles.read("r.csv", new ByteArrayInputStream("name\n扎西\n".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> binder.requireColumns(table, Set.of("name", "size")))
                .isInstanceOf(ImportFileException.class).hasMessageContaining("size");
        assertThatThrownBy(() -> TabularFiles.read("r.pdf", new ByteArrayInputStream(new byte[0])))
                .isInstanceOf(ImportFileException.class);
    }

    @Test
    void a_zip_bomb_is_refused_in_the_platform_s_words() throws Exception {
        // an .xlsx whose sheet inflates 20 MB of blanks from a few KB: POI's ratio guard stops it
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("[Content_Types].xml"));
            zip.write(("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                    + "content-types\"></Types>").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new java.util.zip.ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] blanks = new byte[1 << 20];
            java.util.Arrays.fill(blanks, (byte) ' ');
            for (int i = 0; i < 20; i++) {
                zip.write(blanks);
            }
        }
        assertThatThrownBy(() -> TabularFiles.read("bomb.xlsx", new ByteArrayInputStream(bytes.toByteArray())))
                .isInstanceOf(ImportFileException.class)
                .hasMessageContaining("压缩比异常")
                .hasMessageNotContaining("ZipSecureFile")
                .hasMessageNotContaining("Zip bomb");
    }
}
