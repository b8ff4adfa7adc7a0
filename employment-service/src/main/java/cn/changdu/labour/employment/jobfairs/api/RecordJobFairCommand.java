package cn.changdu.labour.employment.jobfairs.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

public record RecordJobFairCommand(@TargetAggregateIdentifier String jobFairId, String countyCode, String name,
                                   LocalDate heldOn, int employers, int positionsOffered, int attendance) {
}
