package cn.changdu.labour.contracts.projectlabor;

import cn.changdu.labour.contracts.EventType;
import cn.changdu.labour.contracts.IntegrationEvent;

import java.math.BigDecimal;
import java.time.LocalDate;

@EventType(name = "projectlabor.LabourDisputeResolved", version = 1)
public record LabourDisputeResolved(
        String projectId,
        String disputeId,
        String outcome,
        BigDecimal awardedAmount,
        LocalDate resolvedOn,
        String department) implements IntegrationEvent {
}
