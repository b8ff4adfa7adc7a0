package cn.changdu.labour.projectlabor.project.app;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.contracts.person.PersonKeys;
import cn.changdu.labour.contracts.person.ResidentId;
import cn.changdu.labour.kernel.BusinessTime;
import cn.changdu.labour.projectlabor.project.api.PayrollLine;
import cn.changdu.labour.projectlabor.project.api.SubmitPayrollCommand;
import cn.changdu.labour.projectlabor.project.model.PayrollRules;
import cn.changdu.labour.projectlabor.project.query.ProjectQueries;
import cn.changdu.labour.projectlabor.worker.api.RosterStint;
import cn.changdu.labour.support.commands.DomainCommands;
import cn.changdu.labour.support.imports.ImportRefusedException;
import cn.changdu.labour.support.imports.ImportReport;
import cn.changdu.labour.support.imports.RowError;
import cn.changdu.labour.support.imports.RowImport;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/** The payrolls (工资表) of a project: submitted whole, in a request or as a file; amounts due default to the roster's. */
@Service
public class Payrolls {

    /** A line of a payroll, as entered (in a request or a row of a payroll file). */
    public interface Line {
        String residentId();

        Integer daysWorked();

        BigDecimal amountDue();
    }

    private final DomainCommands commands;
    private final PersonKeys personKeys;
    private final ProjectQueries queries;
    private final Clock clock;
    private final KnownProjects knownProjects;

    public Payrolls(DomainCommands commands, PersonKeys personKeys, ProjectQueries queries, Clock clock,
                    KnownProjects knownProjects) {
        this.commands = commands;
        this.personKeys = personKeys;
        this.queries = queries;
        this.clock = clock;
        this.knownProjects = knownProjects;
    }

    /** Submits the payroll of a period; answers how many lines it has. */
    public int submit(String projectId, YearMonth period, List<? extends Line> lines, LocalDate submittedOn,
                      Actor actor, Instant occurredAt) {
        List<PayrollLine> payroll = lines.stream().map(this::line).toList();
        commands.send(new SubmitPayrollCommand(projectId, period, payroll,
                submittedOn != null ? submittedOn : today(occurredAt)), actor, occurredAt);
        return payroll.size();
    }

    /**
     * A payroll file for a period: one payroll, all rows or (partial) the good rows. Each row is pre-checked on the
     * roster views with the rules the payroll keeps ({@link PayrollRules}); the views may lag, so the payroll decides.
     */
    public ImportReport importPayroll(String projectId, YearMonth period, RowImport<? extends Line> rows,
                                      boolean partial, Actor actor) {
        // a file for an unknown project is a 404, not a row error per line ("not on the roster")
        knownProjects.require(projectId);
        // every person's stints read once for the whole file (one query), not per row
        Map<String, List<RosterStint>> stints = queries.stintsOf(rows.valid().stream()
                .map(row -> personKeys.keyOf(new ResidentId(row.value().residentId()))).toList());
        List<RowImport.Checked<PayrollLine>> good = rows.check(row -> {
            PayrollLine line = line(row.value());
            PayrollRules.requireOncePerFile(rows.earlierRowOf(line.personKey(), row.row()));
            PayrollRules.requireRowOnRoster(stints.get(line.personKey()), projectId, period);
            return line;
        });
        if (good.isEmpty()) {
            throw rows.errors().isEmpty()
                    ? new ImportRefusedException(rows.rows(), List.of(new RowError(1, "file", "payroll-has-lines", "工资表至少须有一行")))
                    : rows.refused();
        }
        // one command: the payroll is recorded whole or not at all
        return rows.applyAll(good, partial, lines -> commands.send(new SubmitPayrollCommand(projectId, period, lines,
                today(null)), actor, null));
    }

    private PayrollLine line(Line line) {
        return new PayrollLine(personKeys.keyOf(new ResidentId(line.residentId())), line.daysWorked(), line.amountDue());
    }

    private LocalDate today(Instant occurredAt) {
        return BusinessTime.dateOf(occurredAt != null ? occurredAt : clock.instant());
    }
}
