package cn.changdu.labour.training.trainee.app;

import cn.changdu.labour.kernel.RuleViolation;
import cn.changdu.labour.training.trainee.api.RecordPersonEnrolmentCommand;
import cn.changdu.labour.training.trainee.model.TrainingRecordPolicy;
import cn.changdu.labour.training.trainee.model.TrainingRecordRules;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;

/**
 * What other features may ask of a person's training record without reaching into its model: whether a proposed
 * enrolment passes the rules across the person's classes ({@link TrainingRecordRules}, the ones {@code Trainee}
 * enforces), checked against the classes a read model shows the person in.
 */
@Service
public class TrainingRecords {

    /** The rule a refused duplicate-training attempt names (the attempt is then recorded on the person's record). */
    public static final String DUPLICATE_TRAINING = TrainingRecordRules.DUPLICATE_TRAINING;

    /** A class the person is enrolled in, as a read model shows it. */
    public record EnrolledClass(String classId, String countyCode, String trade, LocalDate startDate, LocalDate endDate) {
    }

    private final TrainingRecordPolicy policy;

    public TrainingRecords(TrainingRecordPolicy policy) {
        this.policy = policy;
    }

    /** Why the person's record would refuse the proposed enrolment, or empty when it would take it. */
    public Optional<RuleViolation> refusal(Collection<EnrolledClass> record, RecordPersonEnrolmentCommand proposed) {
        return TrainingRecordRules.refusal(record.stream()
                        .map(c -> new TrainingRecordRules.Entry(c.classId(), c.countyCode(), c.trade(), c.startDate(), c.endDate()))
                        .toList(),
                proposed, policy.duplicateTrainingWindowDays());
    }
}
