package cn.changdu.labour.projectlabor.project.app;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.contracts.person.PersonKeys;
import cn.changdu.labour.contracts.person.ResidentId;
import cn.changdu.labour.kernel.RuleViolation;
import cn.changdu.labour.projectlabor.project.query.ProjectQueries;
import cn.changdu.labour.support.commands.DomainCommands;
import cn.changdu.labour.support.imports.ImportReport;
import cn.changdu.labour.support.imports.RowImport;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Map;

/**
 * A roster file: each row is pre-checked on the roster views (they may lag: the join itself decides), then the
 * good rows join one by one ({@link Rosters#join}), all rows or none unless a partial import was asked for.
 */
@Service
public class RosterImports {

    private final DomainCommands commands;
    private final Rosters rosters;
    private final PersonKeys personKeys;
    private final ProjectQueries queries;

    public RosterImports(DomainCommands commands, Rosters rosters, PersonKeys personKeys, ProjectQueries queries) {
        this.commands = commands;
        this.rosters = rosters;
        this.personKeys = personKeys;
        this.queries = queries;
    }

    public ImportReport importRoster(String projectId, RowImport<? extends Rosters.Joining> rows, boolean partial,
                                     Actor actor) {
        // every person's stints read once for the whole file (one query), not twice per row
        Map<String, ProjectQueries.Stints> stints = queries.stintsOf(rows.valid().stream()
                .map(row -> personKeys.keyOf(new ResidentId(row.value().residentId()))).toList());
        List<RowImport.Checked<Rosters.Joining>> good = rows.check(row -> {
            Rosters.Joining r = row.value();
            String personKey = personKeys.keyOf(new ResidentId(r.residentId()));
            Integer earlier = rows.earlierRowOf(personKey, row.row());
            if (earlier != null) {
                throw new RuleViolation("worker-on-roster-once", "residentId", "与第 " + earlier + " 行是同一人");
            }
            if (stints.get(personKey).activeOn(projectId)) {
                throw new RuleViolation("worker-on-roster-once", "residentId", "此人已在本项目花名册上（在岗）");
            }
            if (stints.get(personKey).overlapping(r.joinedOn()).isPresent()) {
                throw new RuleViolation("one-roster-at-a-time", "residentId", "此人同期已在另一个项目的花名册上");
            }
            if (r.local() && r.homeCountyCode() == null) {
                throw new RuleViolation("local-worker-has-home-county", "homeCountyCode", "本地农牧民须填写户籍县区代码");
            }
            return r;
        });
        // each join reserves the person's days first (see Rosters.join): one row at a time, one file write at the end
        return commands.onFileOnce(() -> rows.applyEach(good, partial, r -> rosters.join(projectId, r, actor)));
    }
}
