package cn.changdu.labour.training.classes.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

public record InspectClassCommand(@TargetAggregateIdentifier String classId, String inspector, LocalDate inspectedOn,
                                  List<InspectionResult> results) {
}
