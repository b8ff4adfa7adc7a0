package cn.changdu.labour.employment.urban.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

public record EndUnemploymentCommand(@TargetAggregateIdentifier String urbanId, LocalDate endedOn, String reason) {
}
