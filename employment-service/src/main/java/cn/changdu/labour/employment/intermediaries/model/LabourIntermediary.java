package cn.changdu.labour.employment.intermediaries.model;

import cn.changdu.labour.employment.intermediaries.api.IntermediaryRecognisedEvent;
import cn.changdu.labour.employment.intermediaries.api.IntermediarySuspendedEvent;
import cn.changdu.labour.employment.intermediaries.api.RecogniseIntermediaryCommand;
import cn.changdu.labour.employment.intermediaries.api.SuspendIntermediaryCommand;
import cn.changdu.labour.kernel.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** An HR agency, labour broker, work team or transfer cooperative recognised by HR. */
@Aggregate
public class LabourIntermediary {

    @AggregateIdentifier
    private String intermediaryId;
    private String countyCode;
    private LocalDate recognisedOn;
    private boolean suspended;

    protected LabourIntermediary() {
    }

    @CommandHandler
    public LabourIntermediary(RecogniseIntermediaryCommand command) {
        apply(new IntermediaryRecognisedEvent(command.intermediaryId(), command.name(), command.kind(),
                command.countyCode(), command.township(), command.recognisedOn()));
    }

    @CommandHandler
    public void handle(SuspendIntermediaryCommand command) {
        if (suspended) {
            throw new RuleViolation("intermediary-suspended-once", "intermediaryId", "该机构已被暂停认定");
        }
        if (command.suspendedOn().isBefore(recognisedOn)) {
            throw new RuleViolation("suspension-after-recognition", "suspendedOn", "暂停日期不能早于认定日期");
        }
        apply(new IntermediarySuspendedEvent(intermediaryId, countyCode, command.reason(), command.suspendedOn()));
    }

    @EventSourcingHandler
    void on(IntermediaryRecognisedEvent event) {
        intermediaryId = event.intermediaryId();
        countyCode = event.countyCode();
        recognisedOn = event.recognisedOn();
    }

    @EventSourcingHandler
    void on(IntermediarySuspendedEvent event) {
        suspended = true;
    }
}
