package cn.changdu.labour.employment.placement.model;

import cn.changdu.labour.employment.placement.api.PlaceWorkerCommand;
import cn.changdu.labour.employment.placement.api.WorkerPlacedEvent;
import cn.changdu.labour.support.domain.Money;
import cn.changdu.labour.support.domain.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A rural worker's employment record, one per person (keyed by person key): the consistency boundary for
 * "a person has at most one active placement at a time".
 */
@Aggregate
public class Worker {

    @AggregateIdentifier
    private String personKey;
    private String activePlacementId;

    protected Worker() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(PlaceWorkerCommand command) {
        if (activePlacementId != null) {
            throw new RuleViolation("one-active-placement-per-person", "residentId",
                    "此人已有在岗的就业记录，须先登记离岗才能再次登记");
        }
        if (command.expectedMonthlyIncome() != null && !Money.isPositiveToTheFen(command.expectedMonthlyIncome())) {
            throw new RuleViolation("income-exact-to-the-fen", "expectedMonthlyIncome", "月收入须为正数，最多两位小数");
        }
        apply(new WorkerPlacedEvent(command.personKey(), command.placementId(), command.name(), command.residentId(),
                command.countyCode(), command.channel(), command.destination(), command.employer(),
                command.startDate(), command.expectedMonthlyIncome()));
    }

    @EventSourcingHandler
    void on(WorkerPlacedEvent event) {
        personKey = event.personKey();
        activePlacementId = event.placementId();
    }
}
