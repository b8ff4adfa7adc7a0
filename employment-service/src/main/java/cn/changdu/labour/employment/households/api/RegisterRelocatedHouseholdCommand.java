package cn.changdu.labour.employment.households.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The head of household is recorded by real name; the published event carries no personal data. */
public record RegisterRelocatedHouseholdCommand(@TargetAggregateIdentifier String householdId, String countyCode,
                                                String site, String headName, String headResidentId,
                                                int membersAbleToWork, LocalDate registeredOn) {
}
