package cn.changdu.labour.training.classes.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RejectSubsidyCommand(@TargetAggregateIdentifier String classId, String personKey, String reason) {
}
