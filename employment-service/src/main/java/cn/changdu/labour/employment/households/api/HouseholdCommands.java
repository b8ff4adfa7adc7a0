package cn.changdu.labour.employment.households.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Relocated households (易地搬迁户) with members able to work. */
public final class HouseholdCommands {

    private HouseholdCommands() {
    }

    /** The head of household is recorded by real name; the published event carries no personal data. */
    public record RegisterRelocatedHousehold(@TargetAggregateIdentifier String householdId, String countyCode,
                                             String site, String headName, String headResidentId,
                                             int membersAbleToWork, LocalDate registeredOn) {
    }

    public record RelocatedHouseholdRegisteredEvent(String householdId, String countyCode, String site,
                                                    String headName, String headResidentId, int membersAbleToWork,
                                                    LocalDate registeredOn) {
    }
}
