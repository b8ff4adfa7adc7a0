package cn.changdu.labour.employment.urban.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

public record RegisterUrbanEmploymentCommand(@TargetAggregateIdentifier String urbanId, String personKey,
                                             String registrationId, String name, String residentId, String countyCode,
                                             String employer, LocalDate registeredOn) {
}
