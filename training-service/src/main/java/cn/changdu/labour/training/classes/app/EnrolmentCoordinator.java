package cn.changdu.labour.training.classes.app;

import cn.changdu.labour.kernel.RuleViolation;
import cn.changdu.labour.support.imports.RowImport;
import cn.changdu.labour.training.classes.api.ClassFacts;
import cn.changdu.labour.training.classes.api.EnrolTraineesCommand;
import cn.changdu.labour.training.classes.api.Enrolment;
import cn.changdu.labour.training.classes.api.EnrolTraineeCommand;
import cn.changdu.labour.training.classes.api.WithdrawFromClassCommand;
import cn.changdu.labour.training.classes.api.WithdrawTraineeCommand;
import cn.changdu.labour.training.trainee.api.RecordPersonEnrolmentCommand;
import cn.changdu.labour.training.trainee.api.RecordPersonWithdrawalCommand;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * Enrols people in a class and on their own training records in one unit of work. The nested commands run in
 * nested units of work of this one; their events are appended together when the outer one commits, so a refusal
 * by either the class (size, once per class) or the person's record (overlap, duplicate training, consolidation)
 * for any enrolment stores nothing at all. Within one service instance Axon locks both aggregates until then.
 * With several instances, a concurrent change of the same aggregate elsewhere fails the append (409); the events of
 * the unit of work are appended in its one database transaction, so none of them remain. (The class aggregate is
 * cached and checked against the store before each use, see service-support's {@code AggregateCaches}.)
 */
@Component
public class EnrolmentCoordinator {

    private final CommandGateway gateway;

    public EnrolmentCoordinator(CommandGateway gateway) {
        this.gateway = gateway;
    }

    /**
     * A refusal of the n-th enrolment (0-based) of a batch; {@code onRecord} is the enrolment the person's record
     * refused (null when the class refused it).
     */
    public static class EnrolmentRefused extends RuleViolation implements RowImport.RowRefusal {
        private final int index;
        private final transient RecordPersonEnrolmentCommand onRecord;

        private EnrolmentRefused(int index, RuleViolation cause, RecordPersonEnrolmentCommand onRecord) {
            super(cause.rule(), cause.field(), cause.getMessage());
            this.index = index;
            this.onRecord = onRecord;
        }

        /** The model's refusal of the n-th enrolment, wrapped (it names the model's rule, not one of its own). */
        static EnrolmentRefused of(int index, RuleViolation cause, RecordPersonEnrolmentCommand onRecord) {
            return new EnrolmentRefused(index, cause, onRecord);
        }

        @Override
        public int index() {
            return index;
        }

        public RecordPersonEnrolmentCommand onRecord() {
            return onRecord;
        }
    }

    @CommandHandler
    public void handle(EnrolTraineesCommand command) {
        for (int i = 0; i < command.enrolments().size(); i++) {
            Enrolment e = command.enrolments().get(i);
            RecordPersonEnrolmentCommand onRecord = null;
            try {
                ClassFacts facts = send(new EnrolTraineeCommand(command.classId(), e.personKey(), e.name(),
                        e.residentId(), e.township(), e.phone(), e.village(), e.registeredPoor(),
                        e.relocationHouseholdId(), e.relocationSite(), e.consolidationTraining(), e.birthDate(), e.sex()));
                onRecord = new RecordPersonEnrolmentCommand(e.personKey(), facts.classId(), facts.countyCode(), facts.trade(),
                        facts.category(), facts.orderDirected(), facts.startDate(), facts.endDate(), e.registeredPoor(),
                        e.consolidationTraining(), e.previousTrainingYear(), e.employmentStatus(),
                        e.relocationHouseholdId(), e.relocationSite());
                send(onRecord);
            } catch (RuleViolation violation) {
                throw EnrolmentRefused.of(i, violation, onRecord);
            }
        }
    }

    @CommandHandler
    public void handle(WithdrawFromClassCommand command) {
        send(new WithdrawTraineeCommand(command.classId(), command.personKey(), command.reason()));
        send(new RecordPersonWithdrawalCommand(command.personKey(), command.classId()));
    }

    private <R> R send(Object command) {
        try {
            return gateway.sendAndWait(command);
        } catch (CommandExecutionException e) {
            if (e.getCause() instanceof RuleViolation violation) {
                throw violation;
            }
            throw e;
        }
    }
}
