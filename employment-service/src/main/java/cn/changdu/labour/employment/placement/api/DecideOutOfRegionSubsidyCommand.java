package cn.changdu.labour.employment.placement.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Decides an application for the out-of-region subsidy: granted when eligible, else rejected with the reasons. */
public record DecideOutOfRegionSubsidyCommand(
        @TargetAggregateIdentifier String personKey,
        String placementId,
        OutOfRegionSubsidyPolicy policy) {
}
