package cn.changdu.labour.projectlabor.worker.model;

import cn.changdu.labour.projectlabor.worker.api.EndRosterDaysCommand;
import cn.changdu.labour.projectlabor.worker.api.ReleaseRosterDaysCommand;
import cn.changdu.labour.projectlabor.worker.api.ReserveRosterDaysCommand;
import cn.changdu.labour.projectlabor.worker.api.RosterDaysEndedEvent;
import cn.changdu.labour.projectlabor.worker.api.RosterDaysReleasedEvent;
import cn.changdu.labour.projectlabor.worker.api.RosterDaysReservedEvent;
import cn.changdu.labour.projectlabor.worker.api.RosterStint;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A person's days on construction rosters across all projects, keyed by person key: the consistency boundary for
 * "one person cannot be on two active rosters on the same days" (the project holds the roster itself).
 */
@Aggregate
public class ProjectWorker {

    @AggregateIdentifier
    private String personKey;
    private final List<RosterStint> stints = new ArrayList<>();

    protected ProjectWorker() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ReserveRosterDaysCommand command) {
        if (stints.stream().anyMatch(s -> open(s, command.projectId(), command.joinedOn()))) {
            return; // a join retried after a crash between reservation and join: the days are already reserved
        }
        RosterDaysRules.requireFree(stints, command.projectId(), command.joinedOn());
        apply(new RosterDaysReservedEvent(command.personKey(), command.projectId(), command.joinedOn()));
    }

    @CommandHandler
    public void handle(ReleaseRosterDaysCommand command) {
        if (stints.stream().anyMatch(s -> open(s, command.projectId(), command.joinedOn()))) {
            apply(new RosterDaysReleasedEvent(command.personKey(), command.projectId(), command.joinedOn()));
        }
    }

    @CommandHandler
    public void handle(EndRosterDaysCommand command) {
        if (stints.stream().anyMatch(s -> s.projectId().equals(command.projectId()) && s.leftOn() == null)) {
            apply(new RosterDaysEndedEvent(command.personKey(), command.projectId(), command.leftOn()));
        }
    }

    @EventSourcingHandler
    void on(RosterDaysReservedEvent event) {
        personKey = event.personKey();
        stints.add(new RosterStint(event.projectId(), event.joinedOn(), null));
    }

    @EventSourcingHandler
    void on(RosterDaysReleasedEvent event) {
        stints.removeIf(s -> open(s, event.projectId(), event.joinedOn()));
    }

    @EventSourcingHandler
    void on(RosterDaysEndedEvent event) {
        stints.replaceAll(s -> s.projectId().equals(event.projectId()) && s.leftOn() == null
                ? new RosterStint(s.projectId(), s.joinedOn(), event.leftOn()) : s);
    }

    /** The stint on the project that began on that day and has not ended. */
    private static boolean open(RosterStint stint, String projectId, LocalDate joinedOn) {
        return stint.projectId().equals(projectId) && stint.joinedOn().equals(joinedOn) && stint.leftOn() == null;
    }
}
