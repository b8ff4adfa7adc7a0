package cn.changdu.labour.contracts.projectlabor;

import cn.changdu.labour.contracts.EventType;
import cn.changdu.labour.contracts.IntegrationEvent;

import java.math.BigDecimal;
import java.time.LocalDate;

/** @param personKey null for a collective dispute */
@EventType(name = "projectlabor.LabourDisputeFiled", version = 1)
public record LabourDisputeFiled(
        String projectId,
        String disputeId,
        String personKey,
        String category,
        BigDecimal claimedAmount,
        LocalDate filedOn,
        boolean governmentInvested,
        String department) implements IntegrationEvent {
}
