package cn.changdu.labour.contracts.employment;

import cn.changdu.labour.contracts.EventType;
import cn.changdu.labour.contracts.IntegrationEvent;

import java.time.LocalDate;

/** A placement ended (离岗); the person may be placed again. householdId is null unless the placement named one. */
@EventType(name = "employment.EmploymentEnded", version = 1)
public record EmploymentEnded(
        String placementId,
        String personKey,
        String countyCode,
        String householdId,
        LocalDate endedOn,
        EndReason reason) implements IntegrationEvent {
}
