package cn.changdu.labour.contracts.projectlabor;

import cn.changdu.labour.contracts.EventType;
import cn.changdu.labour.contracts.IntegrationEvent;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A project's active roster is back at or above 30% local farmers and herders (published on the crossing only). */
@EventType(name = "projectlabor.LocalLabourShareRecovered", version = 1)
public record LocalLabourShareRecovered(
        String projectId,
        String department,
        int localWorkers,
        int totalWorkers,
        BigDecimal share,
        LocalDate asOf) implements IntegrationEvent {
}
