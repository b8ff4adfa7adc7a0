package cn.changdu.labour.employment.placement.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;

/** Grants the service subsidy to the intermediary that delivered this placement (amount from configuration). */
public record GrantIntermediarySubsidyCommand(
        @TargetAggregateIdentifier String personKey,
        String placementId,
        BigDecimal amount,
        boolean requireVerifiedEmployment) {
}
