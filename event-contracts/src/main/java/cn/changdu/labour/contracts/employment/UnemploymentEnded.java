package cn.changdu.labour.contracts.employment;

import cn.changdu.labour.contracts.EventType;
import cn.changdu.labour.contracts.IntegrationEvent;

import java.time.LocalDate;

/** A registered unemployment ended ({@code reason}: EMPLOYED, MOVED_AWAY, OTHER). */
@EventType(name = "employment.UnemploymentEnded", version = 1)
public record UnemploymentEnded(
        String personKey,
        String countyCode,
        LocalDate endedOn,
        String reason) implements IntegrationEvent {
}
