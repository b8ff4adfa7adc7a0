package cn.changdu.labour.training.trainee.model;

import cn.changdu.labour.training.trainee.api.DuplicateTrainingAttemptedEvent;
import cn.changdu.labour.training.trainee.api.PersonEnrolledEvent;
import cn.changdu.labour.training.trainee.api.PersonWithdrawnEvent;
import cn.changdu.labour.training.trainee.api.RecordDuplicateTrainingAttemptCommand;
import cn.changdu.labour.training.trainee.api.RecordPersonEnrolmentCommand;
import cn.changdu.labour.training.trainee.api.RecordPersonWithdrawalCommand;
import cn.changdu.labour.training.trainee.model.TrainingRecordRules.Entry;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A person's training record, one per person (keyed by person key): the consistency boundary for the rules
 * across classes ({@link TrainingRecordRules}) — no two classes at once, no duplicate training in one trade,
 * consolidation training only for those entitled to it. Enrolments reach it together with the class's roster
 * ({@code EnrolmentCoordinator}); refused duplicate-training attempts are recorded on it afterwards.
 */
@Aggregate
public class Trainee {

    @AggregateIdentifier
    private String personKey;
    private final Map<String, Entry> classes = new LinkedHashMap<>();
    /** Classes an attempt was recorded for: a retried request or a re-uploaded roster is the same attempt. */
    private final Set<String> attemptedClasses = new HashSet<>();

    protected Trainee() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordPersonEnrolmentCommand command, TrainingRecordPolicy policy) {
        TrainingRecordRules.refusal(classes.values(), command, policy.duplicateTrainingWindowDays()).ifPresent(violation -> {
            throw violation;
        });
        apply(new PersonEnrolledEvent(command.personKey(), command.classId(), command.countyCode(), command.trade(),
                command.category(), command.orderDirected(), command.startDate(), command.endDate(),
                command.registeredPoor(), command.consolidationTraining(), command.previousTrainingYear(),
                command.employmentStatus(), command.relocationHouseholdId(), command.relocationSite()));
    }

    /**
     * Records the attempt once per class, and only while the record still shows the earlier class (it may have been
     * withdrawn since).
     */
    @CommandHandler
    public void handle(RecordDuplicateTrainingAttemptCommand command, TrainingRecordPolicy policy) {
        if (attemptedClasses.contains(command.classId())) {
            return;
        }
        TrainingRecordRules.duplicated(classes.values(), command.classId(), command.trade(), command.startDate(),
                        policy.duplicateTrainingWindowDays())
                .ifPresent(earlier -> apply(new DuplicateTrainingAttemptedEvent(personKey, command.classId(),
                        command.countyCode(), command.trade(), command.startDate(), earlier.classId(),
                        earlier.countyCode(), earlier.startDate())));
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
        classes.put(event.classId(), new Entry(event.classId(), event.countyCode(), event.trade(), event.startDate(),
                event.endDate()));
    }

    @EventSourcingHandler
    void on(DuplicateTrainingAttemptedEvent event) {
        attemptedClasses.add(event.classId());
    }

    @EventSourcingHandler
    void on(PersonWithdrawnEvent event) {
        personKey = event.personKey();
        classes.remove(event.classId());
    }
}
