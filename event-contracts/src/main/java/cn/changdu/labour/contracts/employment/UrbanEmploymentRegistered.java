package cn.changdu.labour.contracts.employment;

import cn.changdu.labour.contracts.EventType;
import cn.changdu.labour.contracts.IntegrationEvent;

import java.time.LocalDate;

/** Urban new employment (城镇新增就业): a person counts at most once per year. */
@EventType(name = "employment.UrbanEmploymentRegistered", version = 1)
public record UrbanEmploymentRegistered(
        String registrationId,
        String personKey,
        String countyCode,
        String employer,
        LocalDate registeredOn) implements IntegrationEvent {
}
