package cn.changdu.labour.contracts.training;

import cn.changdu.labour.contracts.EventType;
import cn.changdu.labour.contracts.IntegrationEvent;

import java.time.LocalDate;

/**
 * Someone tried to enrol a person in a class of a trade the person was trained in within the duplicate-training
 * window (重复培训). The enrolment was refused and nothing of it was stored; this is the record of the attempt, on the
 * person's training record (aggregate id = personKey), for the alert and for auditors (the plan: 有效避免重复培训、多头培训).
 *
 * @param countyCode       county of the class the person was to be enrolled in
 * @param earlierClassId   the class that makes it duplicate training
 * @param earlierCountyCode county of that class (another county's class shows multi-source training, 多头培训)
 */
@EventType(name = "training.DuplicateTrainingAttempted", version = 1)
public record DuplicateTrainingAttempted(
        String personKey,
        String classId,
        String countyCode,
        String trade,
        LocalDate startDate,
        String earlierClassId,
        String earlierCountyCode,
        LocalDate earlierStartDate) implements IntegrationEvent {
}
