package cn.changdu.labour.training.classes.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecommendJobCommand(@TargetAggregateIdentifier String classId, String personKey, String employer,
                                  String position) {
}
