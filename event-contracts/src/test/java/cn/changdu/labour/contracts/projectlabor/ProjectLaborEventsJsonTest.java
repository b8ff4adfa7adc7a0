package cn.changdu.labour.contracts.projectlabor;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.contracts.EventEnvelope;
import cn.changdu.labour.contracts.EventJson;
import cn.changdu.labour.contracts.IntegrationEvent;
import cn.changdu.labour.contracts.Sources;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectLaborEventsJsonTest {

    private static final LocalDate DAY = LocalDate.of(2020, 5, 10);
    private static final YearMonth APRIL = YearMonth.of(2020, 4);

    @Test
    void every_project_labour_event_round_trips_exactly_with_money_as_decimal_strings() {
        List<IntegrationEvent> events = List.of(
                new ProjectUpdated("p-1", "安置点建设项目", "540302", "住建局", true, 120),
                new ProjectClosed("p-1", "住建局", DAY),
                new LabourFilingSubmitted("p-1", "f-1", "住建局", "卡若区人社局", DAY, 40, 13),
                new WorkerJoinedProject("p-1", "pk_1", true, "540321", "钢筋工", DAY, "住建局", true, 13, 40),
                new WorkerLeftProject("p-1", "pk_1", true, DAY, "住建局", 12, 39),
                new LocalLabourShareBelowTarget("p-1", "住建局", 11, 40, new BigDecimal("0.2750"), DAY),
                new LocalLabourShareRecovered("p-1", "住建局", 12, 40, new BigDecimal("0.3000"), DAY),
                new PayrollSubmitted("p-1", APRIL, 40, new BigDecimal("200000.07"), DAY, DAY),
                new WageArrearsDetected("p-1", "pk_1", APRIL, new BigDecimal("1666.66"), DAY, true, "住建局"),
                new WageArrearsChanged("p-1", "pk_1", APRIL, new BigDecimal("0.01"), true, "住建局"),
                new WageArrearsCleared("p-1", "pk_1", APRIL, true, "住建局"),
                new LabourDisputeFiled("p-1", "d-1", null, "WAGE_ARREARS", null, DAY, false, "交通局"),
                new LabourDisputeResolved("p-1", "d-1", "MEDIATED", new BigDecimal("5000.00"), DAY, "交通局"));
        for (IntegrationEvent payload : events) {
            EventEnvelope envelope = EventEnvelope.of("e-1", Sources.PROJECT_LABOR, "p-1", 1,
                    Instant.parse("2020-05-10T16:00:00Z"), Instant.parse("2026-11-27T03:00:00Z"),
                    new Actor("system:wage-due", "system"), "540302", payload);
            String json = EventJson.write(envelope);
            assertThat(json).doesNotContain("\"amount\":1", "\"share\":0");
            assertThat(EventJson.read(json)).isEqualTo(envelope);
        }
    }
}
