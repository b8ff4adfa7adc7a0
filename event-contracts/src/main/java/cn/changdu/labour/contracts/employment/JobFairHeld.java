package cn.changdu.labour.contracts.employment;

import cn.changdu.labour.contracts.EventType;
import cn.changdu.labour.contracts.IntegrationEvent;

import java.time.LocalDate;

/**
 * A county matching event (招聘会/供需对接活动) was held; placements attributed to it carry its id in
 * {@link PlacementDetailsRecorded#jobFairId()}.
 */
@EventType(name = "employment.JobFairHeld", version = 1)
public record JobFairHeld(
        String jobFairId,
        String countyCode,
        String name,
        LocalDate heldOn,
        int employers,
        int positionsOffered,
        int attendance) implements IntegrationEvent {
}
