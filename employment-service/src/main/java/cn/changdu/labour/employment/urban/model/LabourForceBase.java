package cn.changdu.labour.employment.urban.model;

import cn.changdu.labour.employment.urban.api.LabourForceBaseSetEvent;
import cn.changdu.labour.employment.urban.api.SetLabourForceBaseCommand;
import cn.changdu.labour.kernel.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** The urban labour force of one county and year: the configurable base of the registered unemployment rate. */
@Aggregate
public class LabourForceBase {

    @AggregateIdentifier
    private String baseId;

    protected LabourForceBase() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SetLabourForceBaseCommand command) {
        if (command.labourForce() < 1) {
            throw new RuleViolation("labour-force-positive", "labourForce", "城镇劳动力人数须大于0");
        }
        apply(new LabourForceBaseSetEvent(command.countyCode(), command.year(), command.labourForce()));
    }

    @EventSourcingHandler
    void on(LabourForceBaseSetEvent event) {
        baseId = SetLabourForceBaseCommand.idOf(event.countyCode(), event.year());
    }
}
