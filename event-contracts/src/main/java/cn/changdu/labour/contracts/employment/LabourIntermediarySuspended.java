package cn.changdu.labour.contracts.employment;

import cn.changdu.labour.contracts.EventType;
import cn.changdu.labour.contracts.IntegrationEvent;

import java.time.LocalDate;

/** HR suspended a recognised intermediary: no new social-forces placements or service subsidies through it. */
@EventType(name = "employment.LabourIntermediarySuspended", version = 1)
public record LabourIntermediarySuspended(
        String intermediaryId,
        String countyCode,
        String reason,
        LocalDate suspendedOn) implements IntegrationEvent {
}
