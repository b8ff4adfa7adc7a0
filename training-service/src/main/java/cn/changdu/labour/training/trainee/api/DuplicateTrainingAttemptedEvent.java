package cn.changdu.labour.training.trainee.api;

import java.time.LocalDate;

/** An enrolment refused as duplicate training, recorded on the person's record (the attempt, not an enrolment). */
public record DuplicateTrainingAttemptedEvent(
        String personKey,
        String classId,
        String countyCode,
        String trade,
        LocalDate startDate,
        String earlierClassId,
        String earlierCountyCode,
        LocalDate earlierStartDate) {
}
