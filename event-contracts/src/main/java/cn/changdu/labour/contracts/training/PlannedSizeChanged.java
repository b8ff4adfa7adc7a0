package cn.changdu.labour.contracts.training;

import cn.changdu.labour.contracts.EventType;
import cn.changdu.labour.contracts.IntegrationEvent;

/** The planned size of a class was changed (recorded change of plan). */
@EventType(name = "training.PlannedSizeChanged", version = 1)
public record PlannedSizeChanged(
        String classId,
        String countyCode,
        int previousSize,
        int plannedSize) implements IntegrationEvent {
}
