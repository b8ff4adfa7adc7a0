package cn.changdu.labour.projectlabor.project.api;

import java.math.BigDecimal;
import java.time.LocalDate;

public record LabourDisputeResolvedEvent(
        String projectId,
        String disputeId,
        DisputeOutcome outcome,
        BigDecimal awardedAmount,
        String note,
        LocalDate resolvedOn,
        String countyCode,
        String department) {
}
