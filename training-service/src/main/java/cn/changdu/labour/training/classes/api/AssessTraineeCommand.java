package cn.changdu.labour.training.classes.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AssessTraineeCommand(@TargetAggregateIdentifier String classId, String personKey, boolean passed) {
}
