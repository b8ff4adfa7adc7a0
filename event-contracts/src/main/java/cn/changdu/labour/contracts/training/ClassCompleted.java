package cn.changdu.labour.contracts.training;

import cn.changdu.labour.contracts.EventType;
import cn.changdu.labour.contracts.IntegrationEvent;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A class finished (结业), with its final figures.
 *
 * @param trainees    trainees who stayed to the end (withdrawn ones not counted)
 * @param passed      of them, assessed as passed
 * @param passRate    passed / trainees, 4 decimals (0.8125); the plan asks ≥ 0.80
 * @param inspections inspections recorded (the plan asks ≥ 2; completion is refused below that)
 */
@EventType(name = "training.ClassCompleted", version = 1)
public record ClassCompleted(
        String classId,
        String countyCode,
        String trade,
        String category,
        boolean orderDirected,
        LocalDate endDate,
        LocalDate completedOn,
        int trainees,
        int passed,
        BigDecimal passRate,
        int inspections) implements IntegrationEvent {
}
