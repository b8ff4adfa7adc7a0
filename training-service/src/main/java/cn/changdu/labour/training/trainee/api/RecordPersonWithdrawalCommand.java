package cn.changdu.labour.training.trainee.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordPersonWithdrawalCommand(@TargetAggregateIdentifier String personKey, String classId) {
}
