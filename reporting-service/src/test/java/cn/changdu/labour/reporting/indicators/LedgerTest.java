package cn.changdu.labour.reporting.indicators;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The ledger's current-state measures over facts of different periods. */
class LedgerTest {

    @Test
    void an_arrears_case_closed_by_a_fact_of_an_earlier_quarter_is_closed_in_every_period() {
        Ledger ledger = new Ledger(List.of(
                fact("e1", "projectlabor.WageArrearsDetected", 3, new Document("projectId", "p-1").append("personKey", "pk_1")
                        .append("period", "2020-06").append("amount", "500.00").append("governmentInvested", true)),
                // cleared by a correction dated in the second quarter, recorded after the detection
                fact("e2", "projectlabor.WageArrearsCleared", 2, new Document("projectId", "p-1").append("personKey", "pk_1")
                        .append("period", "2020-06").append("governmentInvested", true))));

        for (String period : List.of("2020", "2020Q2", "2020Q3", Ledger.ALL_TIME)) {
            assertThat(ledger.value("openArrears", Ledger.CITY, period)).as(period).isEqualByComparingTo(BigDecimal.ZERO);
            assertThat(ledger.value("projectsInArrears", Ledger.CITY, period)).as(period).isEqualByComparingTo(BigDecimal.ZERO);
            assertThat(ledger.value("openArrearsWorkers", "540321", period)).as(period).isEqualByComparingTo(BigDecimal.ZERO);
        }
    }

    @Test
    void workers_and_projects_in_arrears_are_counted_once_however_many_cases_they_have() {
        Ledger ledger = new Ledger(List.of(
                fact("e1", "projectlabor.WageArrearsDetected", 3, new Document("projectId", "p-1").append("personKey", "pk_1")
                        .append("period", "2020-06").append("amount", "500.00")),
                fact("e2", "projectlabor.WageArrearsDetected", 3, new Document("projectId", "p-1").append("personKey", "pk_1")
                        .append("period", "2020-07").append("amount", "300.00")),
                fact("e3", "projectlabor.WageArrearsDetected", 3, new Document("projectId", "p-2").append("personKey", "pk_2")
                        .append("period", "2020-07").append("amount", "200.00"))));

        assertThat(ledger.value("openArrearsCases", Ledger.CITY, "2020")).isEqualByComparingTo("3");
        assertThat(ledger.value("openArrearsWorkers", Ledger.CITY, "2020")).isEqualByComparingTo("2");
        assertThat(ledger.value("projectsInArrears", Ledger.CITY, "2020")).isEqualByComparingTo("2");
        assertThat(ledger.value("openArrears", Ledger.CITY, "2020")).isEqualByComparingTo("1000.00");
    }

    private static Document fact(String id, String type, int quarter, Document payload) {
        return new Document("_id", id).append("type", type).append("countyCode", "540321").append("department", "交通局")
                .append("year", 2020).append("quarter", quarter).append("personKey", payload.getString("personKey"))
                .append("p", payload);
    }
}
