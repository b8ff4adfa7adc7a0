package cn.changdu.labour.projectlabor.project.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;

/** @param personKey null when the dispute is collective (no single worker) */
public record FileDisputeCommand(
        @TargetAggregateIdentifier String projectId,
        String disputeId,
        String personKey,
        String name,
        String residentId,
        DisputeCategory category,
        BigDecimal claimedAmount,
        String description,
        LocalDate filedOn) {
}
