package cn.changdu.labour.employment.urban.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Urban new employment and registered unemployment, per person (aggregate id {@code urban:<personKey>}). */
public final class UrbanCommands {

    private UrbanCommands() {
    }

    public static String urbanId(String personKey) {
        return "urban:" + personKey;
    }

    public record RegisterUrbanEmployment(@TargetAggregateIdentifier String urbanId, String personKey,
                                          String registrationId, String name, String residentId, String countyCode,
                                          String employer, LocalDate registeredOn) {
    }

    public record RegisterUnemployment(@TargetAggregateIdentifier String urbanId, String personKey, String name,
                                       String residentId, String countyCode, LocalDate registeredOn) {
    }

    public record EndUnemployment(@TargetAggregateIdentifier String urbanId, LocalDate endedOn, String reason) {
    }

    public record UrbanEmploymentRegisteredEvent(String personKey, String registrationId, String name,
                                                 String residentId, String countyCode, String employer,
                                                 LocalDate registeredOn) {
    }

    public record UnemploymentRegisteredEvent(String personKey, String name, String residentId, String countyCode,
                                              LocalDate registeredOn) {
    }

    public record UnemploymentEndedEvent(String personKey, String countyCode, LocalDate endedOn, String reason) {
    }

    /** Aggregate id {@code labour-force:<county>:<year>}. */
    public record SetLabourForceBase(@TargetAggregateIdentifier String baseId, String countyCode, int year,
                                     long labourForce) {
        public static String idOf(String countyCode, int year) {
            return "labour-force:" + countyCode + ":" + year;
        }
    }

    public record LabourForceBaseSetEvent(String countyCode, int year, long labourForce) {
    }
}
