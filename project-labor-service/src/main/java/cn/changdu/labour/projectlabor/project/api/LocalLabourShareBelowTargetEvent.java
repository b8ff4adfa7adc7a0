package cn.changdu.labour.projectlabor.project.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The project's active roster fell below 30% local farmers and herders (it was at or above, or empty). */
public record LocalLabourShareBelowTargetEvent(
        String projectId,
        String countyCode,
        String department,
        int localWorkers,
        int totalWorkers,
        BigDecimal share,
        LocalDate asOf) {
}
