package cn.changdu.labour.projectlabor.project.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;

public record ResolveDisputeCommand(
        @TargetAggregateIdentifier String projectId,
        String disputeId,
        DisputeOutcome outcome,
        BigDecimal awardedAmount,
        String note,
        LocalDate resolvedOn) {
}
