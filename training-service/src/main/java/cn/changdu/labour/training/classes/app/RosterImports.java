package cn.changdu.labour.training.classes.app;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.kernel.RuleViolation;
import cn.changdu.labour.support.imports.ImportReport;
import cn.changdu.labour.support.imports.RowImport;
import cn.changdu.labour.support.web.NotFound;
import cn.changdu.labour.training.classes.api.Enrolment;
import cn.changdu.labour.training.classes.model.RosterRules;
import cn.changdu.labour.training.classes.query.TrainingQueries;
import cn.changdu.labour.training.trainee.api.RecordPersonEnrolmentCommand;
import cn.changdu.labour.training.trainee.app.TrainingRecords;
import cn.changdu.labour.training.trainee.app.TrainingRecords.EnrolledClass;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bulk import of a class roster (the rows of a file the web layer has read and bound). Every row is checked
 * first — format (done by the binder), then the plan's rules against the class and the people's records (read models), with the
 * rule objects the class ({@link RosterRules}) and the person's record ({@link TrainingRecords}) enforce — and
 * nothing is sent unless all rows are good or the caller asked for a partial import. The good rows then go as one
 * command, all or nothing; if a rule fails there after all (a write raced the read models), nothing is stored and
 * the row is reported.
 */
@Service
public class RosterImports {

    /** A row of a roster file, bound and validated by the web layer: the person to enrol as entered. */
    public interface Row {
        Applicant applicant();
    }

    private final Enrolments enrolments;
    private final TrainingQueries queries;
    private final TrainingRecords records;

    public RosterImports(Enrolments enrolments, TrainingQueries queries, TrainingRecords records) {
        this.enrolments = enrolments;
        this.queries = queries;
        this.records = records;
    }

    /** Imports a file's roster into the class: every row checked, applied all or nothing unless {@code partial}. */
    public ImportReport importRoster(String classId, RowImport<? extends Row> rows, boolean partial, Instant occurredAt,
                                     Actor actor) {
        TrainingQueries.Roster cls = queries.roster(classId)
                .orElseThrow(() -> new NotFound("未找到编号为 " + classId + " 的班级"));

        Map<Integer, Enrolment> byRow = new HashMap<>();
        rows.valid().forEach(bound -> byRow.put(bound.row(), enrolments.enrolmentOf(bound.value().applicant())));
        List<String> people = byRow.values().stream().map(Enrolment::personKey).distinct().toList();
        Set<String> onRoster = queries.enrolledAmong(classId, people);
        Map<String, List<EnrolledClass>> recordsOf = recordsOf(people);
        List<Enrolment> duplicateAttempts = new ArrayList<>();
        int[] accepted = {0};
        List<RowImport.Checked<Enrolment>> good = rows.check(bound -> {
            Enrolment e = byRow.get(bound.row());
            try {
                check(rows, bound.row(), e, cls, onRoster, recordsOf.getOrDefault(e.personKey(), List.of()));
            } catch (RuleViolation violation) {
                if (TrainingRecords.DUPLICATE_TRAINING.equals(violation.rule())) {
                    duplicateAttempts.add(e);
                }
                throw violation;
            }
            RosterRules.requireSeatForRow(cls.enrolled() + accepted[0], cls.plannedSize());
            accepted[0]++;
            return e;
        });
        // attempts are recorded whether or not the rest of the roster is applied (see Enrolments)
        duplicateAttempts.forEach(e -> enrolments.recordDuplicateAttempt(e.personKey(), classId, cls.countyCode(),
                cls.trade(), cls.startDate(), actor, occurredAt));
        return rows.applyAll(good, partial, all -> enrolments.enrol(classId, all, actor, occurredAt));
    }

    /** The classes each person of the roster is enrolled in, from the people read model in one query per file. */
    private Map<String, List<EnrolledClass>> recordsOf(List<String> people) {
        Map<String, List<EnrolledClass>> byPerson = new HashMap<>();
        queries.enrolmentsOf(people).forEach((personKey, classes) -> byPerson.put(personKey, classes.stream()
                .map(c -> new EnrolledClass(c.classId(), c.countyCode(), c.trade(), c.startDate(), c.endDate())).toList()));
        return byPerson;
    }

    /** The plan's rules a row can be checked against before anything is sent: the same ones the class and the record enforce. */
    private void check(RowImport<?> rows, int row, Enrolment e, TrainingQueries.Roster cls, Set<String> onRoster,
                       List<EnrolledClass> record) {
        RosterRules.requireListedOnce(rows.earlierRowOf(e.personKey(), row));
        RosterRules.requireNotEnrolled(onRoster.contains(e.personKey()));
        RecordPersonEnrolmentCommand proposed = new RecordPersonEnrolmentCommand(e.personKey(), cls.classId(),
                cls.countyCode(), cls.trade(), null, false, cls.startDate(), cls.endDate(), e.registeredPoor(),
                e.consolidationTraining(), e.previousTrainingYear(), e.employmentStatus(), e.relocationHouseholdId(),
                e.relocationSite());
        records.refusal(record, proposed).ifPresent(violation -> {
            throw violation;
        });
    }
}
