package cn.changdu.labour.employment.urban.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Aggregate id {@code labour-force:<county>:<year>}. */
public record SetLabourForceBaseCommand(@TargetAggregateIdentifier String baseId, String countyCode, int year,
                                        long labourForce) {
    public static String idOf(String countyCode, int year) {
        return "labour-force:" + countyCode + ":" + year;
    }
}
