package cn.changdu.labour.contracts.employment;

import cn.changdu.labour.contracts.EventType;
import cn.changdu.labour.contracts.IntegrationEvent;

import java.time.LocalDate;

/** A person was registered as urban unemployed (城镇登记失业). */
@EventType(name = "employment.UnemploymentRegistered", version = 1)
public record UnemploymentRegistered(
        String personKey,
        String countyCode,
        LocalDate registeredOn) implements IntegrationEvent {
}
