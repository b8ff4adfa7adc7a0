package cn.changdu.labour.reporting.indicators;

import cn.changdu.labour.reporting.projection.Fact;
import cn.changdu.labour.reporting.projection.SqlStore;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The projection's current-state measures over facts of different periods (running totals in the relational store). */
class LedgerTest {

    private static final String CITY = Fact.CITY;
    private static final Instant NOW = Instant.parse("2020-10-01T00:00:00Z");

    @Test
    void an_arrears_case_closed_by_a_fact_of_an_earlier_quarter_is_closed_in_every_period() {
        SqlStore ledger = new SqlStore("ledger_close");
        ledger.apply(
                ledger.fact("e1", "projectlabor.WageArrearsDetected", "p-1", 0, 3, Map.of("projectId", "p-1", "personKey", "pk_1",
                        "period", "2020-06", "amount", "500.00", "governmentInvested", true), NOW),
                // cleared by a correction dated in the second quarter, recorded after the detection
                ledger.fact("e2", "projectlabor.WageArrearsCleared", "p-1", 1, 2, Map.of("projectId", "p-1", "personKey", "pk_1",
                        "period", "2020-06", "governmentInvested", true), NOW.plusSeconds(1)));

        for (String period : List.of("2020", "2020Q2", "2020Q3", Fact.ALL_TIME)) {
            assertThat(ledger.value("openArrears", CITY, period)).as(period).isEqualByComparingTo(BigDecimal.ZERO);
            assertThat(ledger.value("projectsInArrears", CITY, period)).as(period).isEqualByComparingTo(BigDecimal.ZERO);
            assertThat(ledger.value("openArrearsWorkers", "540321", period)).as(period).isEqualByComparingTo(BigDecimal.ZERO);
        }
    }

    @Test
    void workers_and_projects_in_arrears_are_counted_once_however_many_cases_they_have() {
        SqlStore ledger = new SqlStore("ledger_distinct");
        ledger.apply(
                ledger.fact("e1", "projectlabor.WageArrearsDetected", "p-1", 0, 3, Map.of("projectId", "p-1", "personKey", "pk_1",
                        "period", "2020-06", "amount", "500.00"), NOW),
                ledger.fact("e2", "projectlabor.WageArrearsDetected", "p-1", 1, 3, Map.of("projectId", "p-1", "personKey", "pk_1",
                        "period", "2020-07", "amount", "300.00"), NOW),
                ledger.fact("e3", "projectlabor.WageArrearsDetected", "p-2", 0, 3, Map.of("projectId", "p-2", "personKey", "pk_2",
                        "period", "2020-07", "amount", "200.00"), NOW));

        assertThat(ledger.value("openArrearsCases", CITY, "2020")).isEqualByComparingTo("3");
        assertThat(ledger.value("openArrearsWorkers", CITY, "2020")).isEqualByComparingTo("2");
        assertThat(ledger.value("projectsInArrears", CITY, "2020")).isEqualByComparingTo("2");
        assertThat(ledger.value("openArrears", CITY, "2020")).isEqualByComparingTo("1000.00");
    }
}
