package cn.changdu.labour.projectlabor.project.model;

import cn.changdu.labour.kernel.RuleViolation;
import cn.changdu.labour.projectlabor.worker.api.RosterStint;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/**
 * The rules of a payroll's lines that {@link Project} keeps on a payroll and a payroll import pre-checks on each
 * row (on the roster views, which may lag: the payroll still decides). The import names the row's field and the
 * person; the aggregate the payroll's lines.
 */
public final class PayrollRules {

    public static final String LINES_ON_ROSTER = "payroll-lines-on-roster";
    public static final String LINE_ONCE_PER_WORKER = "payroll-line-once-per-worker";

    private PayrollRules() {
    }

    /** The calendar days of the period a stint from {@code joinedOn} to {@code leftOn} (or on) covers. */
    public static long daysIn(LocalDate joinedOn, LocalDate leftOn, YearMonth period) {
        LocalDate from = joinedOn.isAfter(period.atDay(1)) ? joinedOn : period.atDay(1);
        LocalDate to = leftOn != null && leftOn.isBefore(period.atEndOfMonth()) ? leftOn : period.atEndOfMonth();
        return to.isBefore(from) ? 0 : ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** Whether one of the person's stints on the project covers a day of the period. */
    public static boolean onRosterIn(List<RosterStint> stints, String projectId, YearMonth period) {
        return stints.stream().anyMatch(s -> projectId.equals(s.projectId())
                && daysIn(s.joinedOn(), s.leftOn(), period) > 0);
    }

    /** A payroll's line is for someone on the project's roster in its period. */
    public static void requireOnRoster(List<RosterStint> stints, String projectId, YearMonth period) {
        if (!onRosterIn(stints, projectId, period)) {
            throw new RuleViolation(LINES_ON_ROSTER, "lines", "工资表中的工人须在该期间内在本项目花名册上");
        }
    }

    /** The same rule on a row of a payroll file. */
    public static void requireRowOnRoster(List<RosterStint> stints, String projectId, YearMonth period) {
        if (!onRosterIn(stints, projectId, period)) {
            throw new RuleViolation(LINES_ON_ROSTER, "residentId", "此人在该期间不在本项目花名册上");
        }
    }

    /** A worker has one line in a payroll: refused when {@code seen} already holds them (they are added otherwise). */
    public static void requireOnceInPayroll(Set<String> seen, String personKey) {
        if (!seen.add(personKey)) {
            throw new RuleViolation(LINE_ONCE_PER_WORKER, "lines", "同一工人在一张工资表中只能出现一次");
        }
    }

    /** The same rule in a payroll file: a person's second row ({@code earlierRow} is their first, or null). */
    public static void requireOncePerFile(Integer earlierRow) {
        if (earlierRow != null) {
            throw new RuleViolation(LINE_ONCE_PER_WORKER, "residentId", "与第 " + earlierRow + " 行是同一人");
        }
    }
}
