package cn.changdu.labour.training.classes.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record PaySubsidyCommand(@TargetAggregateIdentifier String classId, String personKey) {
}
