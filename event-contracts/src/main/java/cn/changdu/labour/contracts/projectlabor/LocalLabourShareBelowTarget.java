package cn.changdu.labour.contracts.projectlabor;

import cn.changdu.labour.contracts.EventType;
import cn.changdu.labour.contracts.IntegrationEvent;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A project's active roster crossed below 30% local farmers and herders (published on the crossing only).
 *
 * @param share local / total, 4 decimal places
 */
@EventType(name = "projectlabor.LocalLabourShareBelowTarget", version = 1)
public record LocalLabourShareBelowTarget(
        String projectId,
        String department,
        int localWorkers,
        int totalWorkers,
        BigDecimal share,
        LocalDate asOf) implements IntegrationEvent {
}
