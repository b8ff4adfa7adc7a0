package cn.changdu.labour.training.classes.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ApproveSubsidyCommand(@TargetAggregateIdentifier String classId, String personKey) {
}
