package cn.changdu.labour.projectlabor.project.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

public record LeaveProjectCommand(@TargetAggregateIdentifier String projectId, String personKey, LocalDate leftOn) {
}
