package cn.changdu.labour.training.classes.app;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.support.commands.DomainCommands;
import cn.changdu.labour.training.classes.api.EnrolTraineesCommand;
import cn.changdu.labour.training.classes.api.Enrolment;
import cn.changdu.labour.training.trainee.api.RecordDuplicateTrainingAttemptCommand;
import cn.changdu.labour.training.trainee.api.RecordPersonEnrolmentCommand;
import cn.changdu.labour.training.trainee.model.TrainingRecordRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Enrols people on behalf of an actor. An enrolment refused as duplicate training stores nothing of the enrolment,
 * but the attempt itself is then recorded on the person's record, in a unit of work of its own: the plan asks to
 * avoid duplicate and multi-source training (避免重复培训、多头培训), and the dashboard alerts on attempts.
 */
@Component
public class Enrolments {

    private static final Logger log = LoggerFactory.getLogger(Enrolments.class);

    private final DomainCommands commands;

    public Enrolments(DomainCommands commands) {
        this.commands = commands;
    }

    /** Enrols all of them or none; a refusal is rethrown as {@link EnrolmentCoordinator.EnrolmentRefused}. */
    public void enrol(String classId, List<Enrolment> enrolments, Actor actor, Instant occurredAt) {
        try {
            commands.send(new EnrolTraineesCommand(classId, enrolments), actor, occurredAt);
        } catch (EnrolmentCoordinator.EnrolmentRefused refused) {
            RecordPersonEnrolmentCommand attempt = refused.onRecord();
            if (attempt != null && TrainingRecordRules.DUPLICATE_TRAINING.equals(refused.rule())) {
                recordDuplicateAttempt(attempt.personKey(), classId, attempt.countyCode(), attempt.trade(),
                        attempt.startDate(), actor, occurredAt);
            }
            throw refused;
        }
    }

    /**
     * Records an attempt (an enrolment refused as duplicate training, or a roster row found to be one). A failure to
     * record it is logged, not thrown: the caller must still learn why the enrolment was refused.
     */
    public void recordDuplicateAttempt(String personKey, String classId, String countyCode, String trade,
                                       LocalDate startDate, Actor actor, Instant occurredAt) {
        try {
            commands.send(new RecordDuplicateTrainingAttemptCommand(personKey, classId, countyCode, trade, startDate),
                    actor, occurredAt);
        } catch (RuntimeException notRecorded) {
            log.error("Duplicate-training attempt of {} for class {} not recorded", personKey, classId, notRecorded);
        }
    }
}
