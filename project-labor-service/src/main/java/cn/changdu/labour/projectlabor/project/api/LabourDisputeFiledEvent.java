package cn.changdu.labour.projectlabor.project.api;

import java.math.BigDecimal;
import java.time.LocalDate;

public record LabourDisputeFiledEvent(
        String projectId,
        String disputeId,
        String personKey,
        String name,
        String residentId,
        DisputeCategory category,
        BigDecimal claimedAmount,
        String description,
        LocalDate filedOn,
        String countyCode,
        String department,
        boolean governmentInvested) {
}
