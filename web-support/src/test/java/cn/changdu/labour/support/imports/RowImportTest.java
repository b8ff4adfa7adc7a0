package cn.changdu.labour.support.imports;

import cn.changdu.labour.kernel.RuleViolation;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The one import flow: bad rows refuse the file unless partial; a batch refusal lands on the row it names. */
class RowImportTest {

    record Row(@NotBlank String name, @Positive int size) {
    }

    /** A refusal of the second row of a batch. */
    static class SecondRowRefused extends RuleViolation implements RowImport.RowRefusal {
        SecondRowRefused() {
            super("size-within-plan", "size", "too many");
        }

        @Override
        public int index() {
            return 1;
        }
    }

    private final RowBinder<Row> binder = new RowBinder<>(Row.class, Map.of("name", "name", "size", "size"),
            Validation.buildDefaultValidatorFactory().getValidator(), new ObjectMapper());

    // rows 2–6: good, invalid size, good, listed twice (same name as row 2), refused by the check
    private static final String FILE = "name,size\n扎西,1\n次仁,0\n格桑,2\n扎西,3\n达瓦,4\n";

    @Test
    void bad_rows_refuse_the_whole_file_and_nothing_is_applied() throws Exception {
        RowImport<Row> rows = RowImport.read(file(), binder, Set.of("name"));
        List<RowImport.Checked<String>> good = rows.check(bound -> check(rows, bound));
        List<String> applied = new ArrayList<>();

        assertThatThrownBy(() -> rows.applyEach(good, false, applied::add))
                .isInstanceOfSatisfying(ImportRefusedException.class, refused -> {
                    assertThat(refused.rows()).isEqualTo(5);
                    assertThat(refused.errors()).extracting(RowError::row, RowError::rule)
                            .containsExactly(tuple(3, "Positive"), tuple(5, "listed-once"), tuple(6, "not-达瓦"));
                });
        assertThat(applied).isEmpty();
    }

    @Test
    void a_partial_import_applies_the_good_rows_and_reports_the_others() throws Exception {
        RowImport<Row> rows = RowImport.read(file(), binder, Set.of("name"));
        List<String> applied = new ArrayList<>();

        ImportReport report = rows.applyEach(rows.check(bound -> check(rows, bound)), true, applied::add);

        assertThat(applied).containsExactly("扎西", "格桑");
        assertThat(report.applied()).isEqualTo(2);
        assertThat(report.errors()).extracting(RowError::row).containsExactly(3, 5, 6);
    }

    @Test
    void a_batch_refused_after_the_checks_names_its_row_and_applies_nothing() throws Exception {
        RowImport<Row> rows = RowImport.read(file(), binder, Set.of("name"));
        List<RowImport.Checked<String>> good = rows.check(bound -> check(rows, bound));

        assertThatThrownBy(() -> rows.applyAll(good, true, batch -> {
            throw new SecondRowRefused();
        })).isInstanceOfSatisfying(ImportRefusedException.class, refused ->
                assertThat(refused.errors()).extracting(RowError::row, RowError::rule)
                        .containsExactly(tuple(3, "Positive"), tuple(4, "size-within-plan"), tuple(5, "listed-once"),
                                tuple(6, "not-达瓦")));
    }

    @Test
    void a_batch_refused_as_a_whole_is_reported_on_the_header_row() throws Exception {
        RowImport<Row> rows = RowImport.read(file(), binder, Set.of("name"));
        List<RowImport.Checked<String>> good = rows.check(bound -> check(rows, bound));

        assertThatThrownBy(() -> rows.applyAll(good, true, batch -> {
            throw new RuleViolation("payroll-period-open", null, "closed");
        })).isInstanceOfSatisfying(ImportRefusedException.class, refused ->
                assertThat(refused.errors()).extracting(RowError::row, RowError::rule)
                        .contains(tuple(1, "payroll-period-open")));
    }

    private String check(RowImport<Row> rows, RowBinder.Bound<Row> bound) {
        Row row = bound.value();
        if (rows.earlierRowOf(row.name(), bound.row()) != null) {
            throw new RuleViolation("listed-once", "name", "listed twice");
        }
        if (row.name().equals("达瓦")) {
            throw new RuleViolation("not-达瓦", "name", "refused");
        }
        return row.name();
    }

    private MockMultipartFile file() {
        return new MockMultipartFile("file", "rows.csv", "text/csv", FILE.getBytes(StandardCharsets.UTF_8));
    }

    record Dated(@NotBlank String name, java.time.LocalDate on) {
    }

    @Test
    void a_row_dated_outside_the_plan_range_or_after_today_is_refused_with_the_rule() throws Exception {
        // 01:00 on 21 October in Beijing, still the 20th in UTC: today is the Beijing date
        java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse("2020-10-20T17:00:00Z"),
                java.time.ZoneOffset.UTC);
        RowBinder<Dated> dated = new RowBinders(Validation.buildDefaultValidatorFactory().getValidator(),
                new ObjectMapper(), clock).of(Dated.class, Map.of("name", "name", "on", "on"));
        MockMultipartFile file = new MockMultipartFile("file", "rows.csv", "text/csv",
                "name,on\n扎西,2020-10-21\n次仁,1900-01-01\n格桑,2020-10-22\n达瓦,2020/10/01\n"
                        .getBytes(StandardCharsets.UTF_8));
        RowImport<Dated> rows = RowImport.read(file, dated, Set.of("name"));

        ImportReport report = rows.applyEach(rows.check(bound -> bound.value().name()), true, name -> { });

        assertThat(report.applied()).isEqualTo(1);
        assertThat(report.errors()).extracting(RowError::row, RowError::field, RowError::rule)
                .containsExactly(tuple(3, "on", "date-range"), tuple(4, "on", "not-in-future"), tuple(5, "on", "type"));
    }
}
