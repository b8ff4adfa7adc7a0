package cn.changdu.labour.employment.intermediaries.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

public record SuspendIntermediaryCommand(@TargetAggregateIdentifier String intermediaryId, String reason,
                                         LocalDate suspendedOn) {
}
