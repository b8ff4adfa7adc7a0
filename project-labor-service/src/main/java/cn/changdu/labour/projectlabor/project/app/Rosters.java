package cn.changdu.labour.projectlabor.project.app;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.contracts.person.PersonKeys;
import cn.changdu.labour.contracts.person.ResidentId;
import cn.changdu.labour.kernel.RuleViolation;
import cn.changdu.labour.projectlabor.project.api.JoinProjectCommand;
import cn.changdu.labour.projectlabor.project.api.LeaveProjectCommand;
import cn.changdu.labour.projectlabor.project.api.PayCycle;
import cn.changdu.labour.projectlabor.project.model.RosterRules;
import cn.changdu.labour.projectlabor.worker.app.RosterDays;
import cn.changdu.labour.support.commands.DomainCommands;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** The real-name roster (实名制花名册) of a project: workers join and leave, each keeping their days city-wide. */
@Service
public class Rosters {

    /** A worker joining a roster, as entered (in a request or a row of a roster file). */
    public interface Joining {
        String name();

        String residentId();

        String phone();

        boolean local();

        String homeCountyCode();

        String trade();

        BigDecimal wageRate();

        PayCycle payCycle();

        boolean insured();

        LocalDate joinedOn();

        Instant occurredAt();
    }

    private final DomainCommands commands;
    private final RosterDays rosterDays;
    private final PersonKeys personKeys;
    private final KnownProjects projects;

    public Rosters(DomainCommands commands, RosterDays rosterDays, PersonKeys personKeys, KnownProjects projects) {
        this.commands = commands;
        this.rosterDays = rosterDays;
        this.personKeys = personKeys;
        this.projects = projects;
    }

    /**
     * Puts the worker on the roster; answers the person's key. The reservation and the join wait for one file write
     * (a bulk import's joins for one at its end: {@link DomainCommands#onFileOnce} nests).
     */
    public String join(String projectId, Joining joining, Actor actor) {
        return commands.onFileOnce(() -> reserveAndJoin(projectId, joining, actor));
    }

    /**
     * Reserves the person's days first (one roster at a time, city-wide), then joins the project; if the project
     * refuses, the reservation is released. Between the two a concurrent join elsewhere is refused by the person's
     * reservation, so the rule holds without a read model race.
     */
    private String reserveAndJoin(String projectId, Joining joining, Actor actor) {
        // checked before the reservation: a join the project would refuse then stores no reservation and release
        RosterRules.requireHomeCounty(joining.local(), joining.homeCountyCode());
        // an unknown project is refused before the person's days are reserved: a refused join leaves no event
        projects.require(projectId);
        ResidentId residentId = new ResidentId(joining.residentId());
        String personKey = personKeys.keyOf(residentId);
        rosterDays.reserve(personKey, projectId, joining.joinedOn(), actor, joining.occurredAt());
        try {
            commands.send(new JoinProjectCommand(projectId, personKey, joining.name().strip(), residentId.value(),
                    joining.phone(), joining.local(), joining.homeCountyCode(), joining.trade().strip(),
                    joining.wageRate(), joining.payCycle() == null ? PayCycle.MONTHLY : joining.payCycle(),
                    joining.insured(), joining.joinedOn()), actor, joining.occurredAt());
        } catch (RuntimeException refused) {
            // already on this roster (a retried join): the reservation is right and stays
            if (!(refused instanceof RuleViolation v && RosterRules.ON_ROSTER_ONCE.equals(v.rule()))) {
                rosterDays.release(personKey, projectId, joining.joinedOn(), actor, joining.occurredAt());
            }
            throw refused;
        }
        return personKey;
    }

    /** Records the worker leaving the project and ends their days; both commands wait for one file write. */
    public void leave(String projectId, String residentId, LocalDate leftOn, Actor actor, Instant occurredAt) {
        String personKey = personKeys.keyOf(new ResidentId(residentId));
        commands.onFileOnce(() -> {
            try {
                commands.send(new LeaveProjectCommand(projectId, personKey, leftOn), actor, occurredAt);
            } catch (RuleViolation notOnRoster) {
                // a departure retried after a crash between the two commands: end the person's days, then refuse
                if ("worker-on-roster".equals(notOnRoster.rule())) {
                    rosterDays.end(personKey, projectId, leftOn, actor, occurredAt);
                }
                throw notOnRoster;
            }
            rosterDays.end(personKey, projectId, leftOn, actor, occurredAt);
            return null;
        });
    }
}
