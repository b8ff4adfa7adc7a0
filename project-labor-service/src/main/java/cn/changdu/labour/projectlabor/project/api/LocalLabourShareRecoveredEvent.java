package cn.changdu.labour.projectlabor.project.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The project's active roster is back at or above 30% local farmers and herders. */
public record LocalLabourShareRecoveredEvent(
        String projectId,
        String countyCode,
        String department,
        int localWorkers,
        int totalWorkers,
        BigDecimal share,
        LocalDate asOf) {
}
