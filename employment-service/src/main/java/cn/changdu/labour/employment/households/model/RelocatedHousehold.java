package cn.changdu.labour.employment.households.model;

import cn.changdu.labour.employment.households.api.RegisterRelocatedHouseholdCommand;
import cn.changdu.labour.employment.households.api.RelocatedHouseholdRegisteredEvent;
import cn.changdu.labour.kernel.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A relocated household registered with its members able to work. Who of it is employed follows from the
 * placements that name the household (a read model), so placing a member never has to lock the household.
 */
@Aggregate
public class RelocatedHousehold {

    @AggregateIdentifier
    private String householdId;

    protected RelocatedHousehold() {
    }

    @CommandHandler
    public RelocatedHousehold(RegisterRelocatedHouseholdCommand command) {
        if (command.membersAbleToWork() < 1) {
            throw new RuleViolation("household-has-labour-capacity", "membersAbleToWork",
                    "只登记有劳动能力的搬迁户：有劳动能力的成员至少1人");
        }
        apply(new RelocatedHouseholdRegisteredEvent(command.householdId(), command.countyCode(), command.site(),
                command.headName(), command.headResidentId(), command.membersAbleToWork(), command.registeredOn()));
    }

    @EventSourcingHandler
    void on(RelocatedHouseholdRegisteredEvent event) {
        householdId = event.householdId();
    }
}
