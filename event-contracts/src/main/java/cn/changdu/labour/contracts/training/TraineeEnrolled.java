package cn.changdu.labour.contracts.training;

import cn.changdu.labour.contracts.EventType;
import cn.changdu.labour.contracts.IntegrationEvent;

/** A person was enrolled in a training class; the person appears only by pseudonymous key. */
@EventType(name = "training.TraineeEnrolled", version = 1)
public record TraineeEnrolled(
        String classId,
        String personKey,
        String countyCode,
        String trade) implements IntegrationEvent {
}
