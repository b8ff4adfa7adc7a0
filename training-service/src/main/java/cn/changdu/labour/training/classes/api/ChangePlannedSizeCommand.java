package cn.changdu.labour.training.classes.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ChangePlannedSizeCommand(@TargetAggregateIdentifier String classId, int plannedSize, String reason) {
}
