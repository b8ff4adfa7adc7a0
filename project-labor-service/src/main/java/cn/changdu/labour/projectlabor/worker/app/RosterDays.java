package cn.changdu.labour.projectlabor.worker.app;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.projectlabor.worker.api.EndRosterDaysCommand;
import cn.changdu.labour.projectlabor.worker.api.ReleaseRosterDaysCommand;
import cn.changdu.labour.projectlabor.worker.api.ReserveRosterDaysCommand;
import cn.changdu.labour.projectlabor.worker.api.RosterStint;
import cn.changdu.labour.projectlabor.worker.model.RosterDaysRules;
import cn.changdu.labour.support.commands.DomainCommands;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A person's days on construction rosters city-wide (one roster at a time): reserved before a roster join, released
 * when the project refuses it, ended when the person leaves. Other features reach the person's days through here.
 */
@Service
public class RosterDays {

    private static final Logger log = LoggerFactory.getLogger(RosterDays.class);

    private final DomainCommands commands;

    public RosterDays(DomainCommands commands) {
        this.commands = commands;
    }

    /**
     * Pre-checks one roster at a time on the stints the views show (a bulk import's rows): the rule the reservation
     * keeps ({@link RosterDaysRules}), which features other than this one reach only through here.
     */
    public void requireFreeAsViewed(List<RosterStint> stints, LocalDate joinedOn) {
        RosterDaysRules.requireFreeAsViewed(stints, joinedOn);
    }

    public void reserve(String personKey, String projectId, LocalDate joinedOn, Actor actor, Instant occurredAt) {
        commands.send(new ReserveRosterDaysCommand(personKey, projectId, joinedOn), actor, occurredAt);
    }

    public void release(String personKey, String projectId, LocalDate joinedOn, Actor actor, Instant occurredAt) {
        commands.send(new ReleaseRosterDaysCommand(personKey, projectId, joinedOn), actor, occurredAt);
    }

    public void end(String personKey, String projectId, LocalDate leftOn, Actor actor, Instant occurredAt) {
        try {
            commands.send(new EndRosterDaysCommand(personKey, projectId, leftOn), actor, occurredAt);
        } catch (AggregateNotFoundException e) {
            // rosters recorded before the per-person view existed have no days to end
            log.debug("no roster days recorded for {} on {}", personKey, projectId);
        }
    }
}
