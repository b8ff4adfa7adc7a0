package cn.changdu.labour.projectlabor.worker.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Claims a person's days from {@code joinedOn} on for one project's roster, before the project records the join. */
public record ReserveRosterDaysCommand(@TargetAggregateIdentifier String personKey, String projectId, LocalDate joinedOn) {
}
