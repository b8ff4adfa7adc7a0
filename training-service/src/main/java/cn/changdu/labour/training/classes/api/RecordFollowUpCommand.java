package cn.changdu.labour.training.classes.api;

import cn.changdu.labour.training.plan.api.EmploymentStatus;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordFollowUpCommand(@TargetAggregateIdentifier String classId, String personKey,
                                    EmploymentStatus employmentStatus, String employer, String remarks) {
}
