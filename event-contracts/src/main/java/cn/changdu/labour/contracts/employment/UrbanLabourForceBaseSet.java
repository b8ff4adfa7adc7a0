package cn.changdu.labour.contracts.employment;

import cn.changdu.labour.contracts.EventType;
import cn.changdu.labour.contracts.IntegrationEvent;

/**
 * The urban labour force of a county for a year, the base of the registered unemployment rate:
 * rate = registered unemployed / (employed urban labour force + registered unemployed) as the plan's statistics
 * define it; this event carries that denominator. The latest event per county and year is the valid one.
 */
@EventType(name = "employment.UrbanLabourForceBaseSet", version = 1)
public record UrbanLabourForceBaseSet(
        String countyCode,
        int year,
        long labourForce) implements IntegrationEvent {
}
