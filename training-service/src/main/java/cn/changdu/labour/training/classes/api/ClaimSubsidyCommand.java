package cn.changdu.labour.training.classes.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ClaimSubsidyCommand(@TargetAggregateIdentifier String classId, String personKey) {
}
