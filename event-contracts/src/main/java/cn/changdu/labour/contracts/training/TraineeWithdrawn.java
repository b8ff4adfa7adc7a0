package cn.changdu.labour.contracts.training;

import cn.changdu.labour.contracts.EventType;
import cn.changdu.labour.contracts.IntegrationEvent;

import java.time.LocalDate;

/** A trainee left a class before it ended; no longer counted as trained in it. */
@EventType(name = "training.TraineeWithdrawn", version = 1)
public record TraineeWithdrawn(
        String classId,
        String personKey,
        String countyCode,
        LocalDate withdrawnOn) implements IntegrationEvent {
}
