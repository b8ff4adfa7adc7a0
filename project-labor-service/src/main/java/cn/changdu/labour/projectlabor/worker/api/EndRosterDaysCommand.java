package cn.changdu.labour.projectlabor.worker.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

public record EndRosterDaysCommand(@TargetAggregateIdentifier String personKey, String projectId, LocalDate leftOn) {
}
