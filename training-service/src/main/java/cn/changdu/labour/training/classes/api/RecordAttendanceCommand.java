package cn.changdu.labour.training.classes.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** The register of one class day: who was present; every other enrolled trainee was absent. */
public record RecordAttendanceCommand(@TargetAggregateIdentifier String classId, LocalDate date,
                                      List<String> presentPersonKeys) {
}
