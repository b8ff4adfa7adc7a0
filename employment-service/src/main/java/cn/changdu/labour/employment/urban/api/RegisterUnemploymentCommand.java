package cn.changdu.labour.employment.urban.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

public record RegisterUnemploymentCommand(@TargetAggregateIdentifier String urbanId, String personKey, String name,
                                          String residentId, String countyCode, LocalDate registeredOn) {
}
