package cn.changdu.labour.reporting.export;

import cn.changdu.labour.contracts.Counties;
import cn.changdu.labour.reporting.indicators.Dashboard;
import cn.changdu.labour.reporting.projection.Fact;
import cn.changdu.labour.support.web.InvalidInput;
import io.swagger.v3.oas.annotations.Operation;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The quarter-end report (季度报告) per county or for the city, as XLSX or CSV, from the projection. */
@RestController
public class QuarterlyReportController {

    static final String[] HEADER = {"指标 Indicator", "本季度 Quarter", "年初至季末 Year to date", "年度目标 Annual target",
            "完成率% Achieved %", "进度预警 Status"};

    private final Dashboard dashboard;

    public QuarterlyReportController(Dashboard dashboard) {
        this.dashboard = dashboard;
    }

    @Operation(summary = "Quarter-end report of the city (area 540300) or a county, as xlsx or csv")
    @GetMapping("/api/reports/quarterly")
    public ResponseEntity<byte[]> quarterly(@RequestParam int year, @RequestParam int quarter,
                                            @RequestParam(defaultValue = Fact.CITY) String area,
                                            @RequestParam(defaultValue = "xlsx") String format) {
        if (quarter < 1 || quarter > 4) {
            throw new InvalidInput("quarter", "quarter-1-to-4", "季度须为 1–4");
        }
        if (!area.equals(Fact.CITY) && !Counties.CHANGDU.containsKey(area)) {
            throw new InvalidInput("area", "known-area", "区域须为 540300（全市）或昌都市所辖县区代码");
        }
        String title = "昌都市" + (area.equals(Fact.CITY) ? "" : Counties.CHANGDU.get(area)) + year + "年第" + quarter
                + "季度转移就业工作报告";
        List<Dashboard.ReportLine> lines = dashboard.quarterReport(year, quarter, area);
        String filename = "quarterly-" + year + "Q" + quarter + "-" + area + "." + format;
        return switch (format) {
            case "xlsx" -> file(xlsx(title, lines), filename,
                    MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
            case "csv" -> file(csv(title, lines), filename, new MediaType("text", "csv", StandardCharsets.UTF_8));
            default -> throw new InvalidInput("format", "xlsx-or-csv", "格式须为 xlsx 或 csv");
        };
    }

    static byte[] xlsx(String title, List<Dashboard.ReportLine> lines) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("季度报告");
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row titleRow = sheet.createRow(0);
            titleRow.createCell(0).setCellValue(title);
            titleRow.getCell(0).setCellStyle(bold);
            Row header = sheet.createRow(2);
            for (int c = 0; c < HEADER.length; c++) {
                header.createCell(c).setCellValue(HEADER[c]);
                header.getCell(c).setCellStyle(bold);
            }
            int r = 3;
            for (Dashboard.ReportLine line : lines) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(line.zh());
                number(row, 1, line.quarter());
                number(row, 2, line.yearToDate());
                number(row, 3, line.target());
                number(row, 4, line.ratio());
                row.createCell(5).setCellValue(line.status().colour().name());
            }
            for (int c = 0; c < HEADER.length; c++) {
                sheet.setColumnWidth(c, c == 0 ? 28 * 256 : 18 * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] csv(String title, List<Dashboard.ReportLine> lines) {
        StringBuilder csv = new StringBuilder("\uFEFF").append(quote(title)).append("\r\n")
                .append(String.join(",", HEADER)).append("\r\n");
        for (Dashboard.ReportLine line : lines) {
            csv.append(quote(line.zh())).append(',').append(plain(line.quarter())).append(',')
                    .append(plain(line.yearToDate())).append(',').append(plain(line.target())).append(',')
                    .append(plain(line.ratio())).append(',').append(line.status().colour().name()).append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void number(Row row, int column, BigDecimal value) {
        if (value != null) {
            // doubles are exact here: counts, and yuan with two decimals well inside 2^53 fen
            row.createCell(column).setCellValue(value.doubleValue());
        }
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    private static String quote(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    private static ResponseEntity<byte[]> file(byte[] body, String filename, MediaType type) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .contentType(type).body(body);
    }
}
