package cn.changdu.labour.training.classes.app;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.contracts.person.PersonKeys;
import cn.changdu.labour.contracts.person.ResidentId;
import cn.changdu.labour.support.commands.DomainCommands;
import cn.changdu.labour.training.classes.api.EnrolTraineesCommand;
import cn.changdu.labour.training.classes.api.Enrolment;
import cn.changdu.labour.training.classes.api.WithdrawFromClassCommand;
import cn.changdu.labour.training.trainee.api.RecordDuplicateTrainingAttemptCommand;
import cn.changdu.labour.training.trainee.api.RecordPersonEnrolmentCommand;
import cn.changdu.labour.training.trainee.app.TrainingRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static cn.changdu.labour.kernel.Text.blankToNull;

/**
 * Enrols people in a class, and withdraws them, on behalf of an actor. An enrolment refused as duplicate training
 * stores nothing of the enrolment, but the attempt itself is then recorded on the person's record, in a unit of
 * work of its own: the plan asks to avoid duplicate and multi-source training (避免重复培训、多头培训), and the
 * dashboard alerts on attempts.
 */
@Service
public class Enrolments {

    private static final Logger log = LoggerFactory.getLogger(Enrolments.class);

    private final DomainCommands commands;
    private final PersonKeys personKeys;

    public Enrolments(DomainCommands commands, PersonKeys personKeys) {
        this.commands = commands;
        this.personKeys = personKeys;
    }

    /** Enrols one person; the enrolment (with the person key) is the answer. */
    public Enrolment enrol(String classId, Applicant applicant, Actor actor, Instant occurredAt) {
        Enrolment enrolment = enrolmentOf(applicant);
        enrol(classId, List.of(enrolment), actor, occurredAt);
        return enrolment;
    }

    /** Enrols all of them or none; a refusal is rethrown as {@link EnrolmentCoordinator.EnrolmentRefused}. */
    public void enrol(String classId, List<Enrolment> enrolments, Actor actor, Instant occurredAt) {
        try {
            commands.send(new EnrolTraineesCommand(classId, enrolments), actor, occurredAt);
        } catch (EnrolmentCoordinator.EnrolmentRefused refused) {
            RecordPersonEnrolmentCommand attempt = refused.onRecord();
            if (attempt != null && TrainingRecords.DUPLICATE_TRAINING.equals(refused.rule())) {
                recordDuplicateAttempt(attempt.personKey(), classId, attempt.countyCode(), attempt.trade(),
                        attempt.startDate(), actor, occurredAt);
            }
            throw refused;
        }
    }

    /** Withdraws a person from a class and frees the dates on their record (see {@link EnrolmentCoordinator}). */
    public void withdraw(String classId, String personKey, String reason, Actor actor, Instant occurredAt) {
        commands.send(new WithdrawFromClassCommand(classId, personKey, reason), actor, occurredAt);
    }

    /** The enrolment of an applicant: person key, birth date and sex derived from the resident ID. */
    public Enrolment enrolmentOf(Applicant a) {
        ResidentId residentId = new ResidentId(a.residentId());
        return new Enrolment(personKeys.keyOf(residentId), a.name().strip(), residentId.value(),
                residentId.birthDate(), residentId.sex().name(), blankToNull(a.township()),
                blankToNull(a.village()), blankToNull(a.phone()), Boolean.TRUE.equals(a.registeredPoor()),
                blankToNull(a.relocationHouseholdId()), blankToNull(a.relocationSite()),
                Boolean.TRUE.equals(a.consolidationTraining()), a.previousTrainingYear(), a.employmentStatus());
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
