package cn.changdu.labour.training.trainee.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Records that an enrolment in this class was refused as duplicate training. Sent after the refusal, in its own unit
 * of work (the refused one stores nothing); the person's record names the earlier class itself.
 */
public record RecordDuplicateTrainingAttemptCommand(
        @TargetAggregateIdentifier String personKey,
        String classId,
        String countyCode,
        String trade,
        LocalDate startDate) {
}
