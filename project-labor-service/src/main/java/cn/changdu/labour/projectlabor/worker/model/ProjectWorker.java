package cn.changdu.labour.projectlabor.worker.model;

import cn.changdu.labour.projectlabor.worker.api.EndRosterDaysCommand;
import cn.changdu.labour.projectlabor.worker.api.ReleaseRosterDaysCommand;
import cn.changdu.labour.projectlabor.worker.api.ReserveRosterDaysCommand;
import cn.changdu.labour.projectlabor.worker.api.RosterDaysEndedEvent;
import cn.changdu.labour.projectlabor.worker.api.RosterDaysReleasedEvent;
import cn.changdu.labour.projectlabor.worker.api.RosterDaysReservedEvent;
import cn.changdu.labour.kernel.RuleViolation;
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
    private final List<Stint> stints = new ArrayList<>();

    protected ProjectWorker() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ReserveRosterDaysCommand command) {
        if (stints.stream().anyMatch(s -> s.matches(command.projectId(), command.joinedOn()))) {
            return; // a join retried after a crash between reservation and join: the days are already reserved
        }
        for (Stint stint : stints) {
            // the new stint is open-ended: it meets every stint that has not ended before it begins
            if (stint.leftOn == null || !stint.leftOn.isBefore(command.joinedOn())) {
                if (stint.projectId.equals(command.projectId())) {
                    throw new RuleViolation("worker-on-roster-once", "residentId",
                            stint.leftOn == null ? "此人已在本项目花名册上（在岗）" : "进场日期须晚于此人上次在本项目的离场日期");
                }
                throw new RuleViolation("one-roster-at-a-time", "residentId",
                        "此人同期已在另一个项目的花名册上（项目 " + stint.projectId + "，" + stint.joinedOn + " 进场"
                                + (stint.leftOn == null ? "，尚未离场" : "，" + stint.leftOn + " 离场") + "）");
            }
        }
        apply(new RosterDaysReservedEvent(command.personKey(), command.projectId(), command.joinedOn()));
    }

    @CommandHandler
    public void handle(ReleaseRosterDaysCommand command) {
        if (stints.stream().anyMatch(s -> s.matches(command.projectId(), command.joinedOn()))) {
            apply(new RosterDaysReleasedEvent(command.personKey(), command.projectId(), command.joinedOn()));
        }
    }

    @CommandHandler
    public void handle(EndRosterDaysCommand command) {
        if (stints.stream().anyMatch(s -> s.projectId.equals(command.projectId()) && s.leftOn == null)) {
            apply(new RosterDaysEndedEvent(command.personKey(), command.projectId(), command.leftOn()));
        }
    }

    @EventSourcingHandler
    void on(RosterDaysReservedEvent event) {
        personKey = event.personKey();
        stints.add(new Stint(event.projectId(), event.joinedOn()));
    }

    @EventSourcingHandler
    void on(RosterDaysReleasedEvent event) {
        stints.removeIf(s -> s.matches(event.projectId(), event.joinedOn()));
    }

    @EventSourcingHandler
    void on(RosterDaysEndedEvent event) {
        stints.stream().filter(s -> s.projectId.equals(event.projectId()) && s.leftOn == null)
                .forEach(s -> s.leftOn = event.leftOn());
    }

    private static final class Stint {
        final String projectId;
        final LocalDate joinedOn;
        LocalDate leftOn;

        Stint(String projectId, LocalDate joinedOn) {
            this.projectId = projectId;
            this.joinedOn = joinedOn;
        }

        boolean matches(String projectId, LocalDate joinedOn) {
            return this.projectId.equals(projectId) && this.joinedOn.equals(joinedOn) && leftOn == null;
        }

        // value equality: Axon's fixture compares the state built by commands with the state sourced from events
        @Override
        public boolean equals(Object o) {
            return o instanceof Stint s && projectId.equals(s.projectId) && joinedOn.equals(s.joinedOn)
                    && java.util.Objects.equals(leftOn, s.leftOn);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(projectId, joinedOn);
        }
    }
}
