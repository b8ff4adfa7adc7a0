package cn.changdu.labour.contracts.training;

import cn.changdu.labour.contracts.EventType;
import cn.changdu.labour.contracts.IntegrationEvent;

import java.time.LocalDate;

/**
 * A follow-up of a qualified trainee (the plan: ≥ 2), with the person's employment status at that time.
 *
 * @param followUpNumber   1 for the first follow-up of the trainee in this class, …
 * @param employmentStatus EMPLOYED, SELF_EMPLOYED or NOT_EMPLOYED
 * @param classEndDate     for "employed right after training" and "after 3 months" (followedUpOn − classEndDate)
 */
@EventType(name = "training.FollowUpRecorded", version = 1)
public record FollowUpRecorded(
        String classId,
        String personKey,
        String countyCode,
        LocalDate followedUpOn,
        int followUpNumber,
        String employmentStatus,
        LocalDate classEndDate) implements IntegrationEvent {
}
