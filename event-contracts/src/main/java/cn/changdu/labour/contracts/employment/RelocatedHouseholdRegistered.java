package cn.changdu.labour.contracts.employment;

import cn.changdu.labour.contracts.EventType;
import cn.changdu.labour.contracts.IntegrationEvent;

import java.time.LocalDate;

/**
 * A relocated household (易地搬迁户) with members able to work was registered. Whether anyone of it is employed
 * follows from the placements naming it: {@link PlacementDetailsRecorded#householdId()} opens one,
 * {@link EmploymentEnded#householdId()} closes it; a household with no open placement has nobody employed.
 */
@EventType(name = "employment.RelocatedHouseholdRegistered", version = 1)
public record RelocatedHouseholdRegistered(
        String householdId,
        String countyCode,
        String site,
        int membersAbleToWork,
        LocalDate registeredOn) implements IntegrationEvent {
}
