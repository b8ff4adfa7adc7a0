package cn.changdu.labour.projectlabor.project.app;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.contracts.person.PersonKeys;
import cn.changdu.labour.contracts.person.ResidentId;
import cn.changdu.labour.projectlabor.project.model.RosterRules;
import cn.changdu.labour.projectlabor.project.query.ProjectQueries;
import cn.changdu.labour.projectlabor.worker.api.RosterStint;
import cn.changdu.labour.projectlabor.worker.app.RosterDays;
import cn.changdu.labour.support.commands.DomainCommands;
import cn.changdu.labour.support.imports.ImportReport;
import cn.changdu.labour.support.imports.RowImport;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Map;

/**
 * A roster file: each row is pre-checked on the roster views with the rules the join keeps ({@link RosterRules},
 * worker's one roster at a time); the views may lag, so the join itself still decides. Then the good rows join one
 * by one ({@link Rosters#join}), all rows or none unless a partial import was asked for.
 */
@Service
public class RosterImports {

    private final DomainCommands commands;
    private final Rosters rosters;
    private final RosterDays rosterDays;
    private final PersonKeys personKeys;
    private final ProjectQueries queries;
    private final KnownProjects knownProjects;

    public RosterImports(DomainCommands commands, Rosters rosters, RosterDays rosterDays, PersonKeys personKeys,
                         ProjectQueries queries, KnownProjects knownProjects) {
        this.commands = commands;
        this.rosters = rosters;
        this.rosterDays = rosterDays;
        this.personKeys = personKeys;
        this.queries = queries;
        this.knownProjects = knownProjects;
    }

    public ImportReport importRoster(String projectId, RowImport<? extends Rosters.Joining> rows, boolean partial,
                                     Actor actor) {
        // a file for an unknown project is a 404 before any row is checked (and its joins would reserve nothing)
        knownProjects.require(projectId);
        // every person's stints read once for the whole file (one query), not twice per row
        Map<String, List<RosterStint>> stints = queries.stintsOf(rows.valid().stream()
                .map(row -> personKeys.keyOf(new ResidentId(row.value().residentId()))).toList());
        List<RowImport.Checked<Rosters.Joining>> good = rows.check(row -> {
            Rosters.Joining r = row.value();
            String personKey = personKeys.keyOf(new ResidentId(r.residentId()));
            RosterRules.requireOncePerFile(rows.earlierRowOf(personKey, row.row()));
            RosterRules.requireNotOnRoster(stints.get(personKey), projectId);
            rosterDays.requireFreeAsViewed(stints.get(personKey), r.joinedOn());
            RosterRules.requireHomeCounty(r.local(), r.homeCountyCode());
            return r;
        });
        // each join reserves the person's days first (see Rosters.join): one row at a time, one file write at the end
        return commands.onFileOnce(() -> rows.applyEach(good, partial, r -> rosters.join(projectId, r, actor)));
    }
}
