package cn.changdu.labour.contracts.training;

import cn.changdu.labour.contracts.EventType;
import cn.changdu.labour.contracts.IntegrationEvent;

import java.time.LocalDate;

/** A trainee's skills assessment (考核): passed or not; a later assessment of the same trainee replaces it. */
@EventType(name = "training.TraineeAssessed", version = 1)
public record TraineeAssessed(
        String classId,
        String personKey,
        String countyCode,
        boolean passed,
        LocalDate assessedOn) implements IntegrationEvent {
}
