package cn.changdu.labour.projectlabor.worker.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Gives back a reservation the project then refused (compensation). */
public record ReleaseRosterDaysCommand(@TargetAggregateIdentifier String personKey, String projectId, LocalDate joinedOn) {
}
