package cn.changdu.labour.training.trainee.model;

import cn.changdu.labour.support.domain.RuleViolation;
import cn.changdu.labour.training.classes.api.EmploymentStatus;
import cn.changdu.labour.training.classes.model.TrainingPolicy;
import cn.changdu.labour.training.trainee.api.PersonEnrolledEvent;
import cn.changdu.labour.training.trainee.api.PersonWithdrawnEvent;
import cn.changdu.labour.training.trainee.api.RecordPersonEnrolmentCommand;
import cn.changdu.labour.training.trainee.api.RecordPersonWithdrawalCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A person's training record, one per person (keyed by person key): the consistency boundary for the rules
 * across classes — no two classes at once, no duplicate training in one trade, consolidation training only for
 * those entitled to it. Enrolments reach it together with the class's roster ({@code EnrolmentCoordinator}).
 */
@Aggregate
public class Trainee {

    /** The earliest year of training that qualifies for consolidation training (trained since 2016). */
    static final int CONSOLIDATION_SINCE = 2016;

    @AggregateIdentifier
    private String personKey;
    private final Map<String, Enrolled> classes = new LinkedHashMap<>();

    record Enrolled(String trade, LocalDate startDate, LocalDate endDate) {
    }

    protected Trainee() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordPersonEnrolmentCommand command, TrainingPolicy policy) {
        for (Map.Entry<String, Enrolled> entry : classes.entrySet()) {
            Enrolled other = entry.getValue();
            if (entry.getKey().equals(command.classId())) {
                throw new RuleViolation("trainee-enrolled-once-per-class", "residentId", "此人已在本班报名");
            }
            if (!other.startDate().isAfter(command.endDate()) && !command.startDate().isAfter(other.endDate())) {
                throw new RuleViolation("no-overlapping-classes", "residentId",
                        "此人已报名同期的另一个班（" + other.trade() + "，" + other.startDate() + " 至 " + other.endDate()
                                + "），培训时间不能重叠");
            }
            if (other.trade().equals(command.trade())
                    && Math.abs(ChronoUnit.DAYS.between(other.startDate(), command.startDate()))
                    < policy.duplicateTrainingWindowDays()) {
                throw new RuleViolation("no-duplicate-training", "residentId",
                        "此人 " + other.startDate() + " 已参加" + other.trade() + "培训，" + policy.duplicateTrainingWindowDays()
                                + " 天内同一工种不能重复培训");
            }
        }
        if (command.consolidationTraining()) {
            requireConsolidationEligible(command);
        }
        apply(new PersonEnrolledEvent(command.personKey(), command.classId(), command.countyCode(), command.trade(),
                command.category(), command.orderDirected(), command.startDate(), command.endDate(),
                command.registeredPoor(), command.consolidationTraining(), command.previousTrainingYear(),
                command.employmentStatus(), command.relocationHouseholdId(), command.relocationSite()));
    }

    /**
     * 巩固培训: registered-poor people trained since 2016 (recorded here, or declared with the year) who are recorded
     * as not employed.
     */
    private void requireConsolidationEligible(RecordPersonEnrolmentCommand command) {
        if (!command.registeredPoor()) {
            throw new RuleViolation("consolidation-training-eligible", "consolidationTraining",
                    "巩固培训仅限建档立卡贫困人员");
        }
        boolean trainedHere = classes.values().stream()
                .anyMatch(c -> c.startDate().getYear() >= CONSOLIDATION_SINCE && c.startDate().isBefore(command.startDate()));
        Integer declared = command.previousTrainingYear();
        boolean trainedBefore = declared != null && declared >= CONSOLIDATION_SINCE
                && declared <= command.startDate().getYear();
        if (!trainedHere && !trainedBefore) {
            throw new RuleViolation("consolidation-training-eligible", "previousTrainingYear",
                    "巩固培训仅限 2016 年以来参加过培训的人员：未查到培训记录，须登记此前培训年份");
        }
        if (command.employmentStatus() != EmploymentStatus.NOT_EMPLOYED) {
            throw new RuleViolation("consolidation-training-eligible", "employmentStatus",
                    "巩固培训仅限培训后未就业的人员：须登记就业状态为未就业");
        }
    }

    /** The class has checked its roster; here the dates are freed (a record is opened for people enrolled before records existed). */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordPersonWithdrawalCommand command) {
        apply(new PersonWithdrawnEvent(command.personKey(), command.classId()));
    }

    @EventSourcingHandler
    void on(PersonEnrolledEvent event) {
        personKey = event.personKey();
        classes.put(event.classId(), new Enrolled(event.trade(), event.startDate(), event.endDate()));
    }

    @EventSourcingHandler
    void on(PersonWithdrawnEvent event) {
        personKey = event.personKey();
        classes.remove(event.classId());
    }
}
