package cn.changdu.labour.training.classes.app;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.kernel.RuleViolation;
import cn.changdu.labour.support.imports.ImportReport;
import cn.changdu.labour.support.imports.RowBinder;
import cn.changdu.labour.support.imports.RowImport;
import cn.changdu.labour.support.web.NotFound;
import cn.changdu.labour.support.web.ValidResidentId;
import cn.changdu.labour.training.classes.api.Enrolment;
import cn.changdu.labour.training.classes.model.RosterRules;
import cn.changdu.labour.training.classes.query.TrainingQueries;
import cn.changdu.labour.training.plan.api.EmploymentStatus;
import cn.changdu.labour.training.trainee.api.RecordPersonEnrolmentCommand;
import cn.changdu.labour.training.trainee.app.TrainingRecords;
import cn.changdu.labour.training.trainee.app.TrainingRecords.EnrolledClass;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bulk import of a class roster (XLSX or CSV, the columns a county office keeps, zh or en titles). Every row is
 * checked first — format, then the plan's rules against the class and the people's records (read models), with the
 * rule objects the class ({@link RosterRules}) and the person's record ({@link TrainingRecords}) enforce — and
 * nothing is sent unless all rows are good or the caller asked for a partial import. The good rows then go as one
 * command, all or nothing; if a rule fails there after all (a write raced the read models), nothing is stored and
 * the row is reported.
 */
@Service
public class RosterImports {

    private static final String FLAG = "是|否|true|false|TRUE|FALSE|1|0|Y|N|y|n";

    /** One roster row, validated like the single enrolment. */
    public record RosterRow(
            @NotBlank @Size(max = 50) String name,
            @NotBlank @ValidResidentId String residentId,
            @Size(max = 50) String township,
            @Size(max = 50) String village,
            @Pattern(regexp = "1\\d{10}", message = "须为 11 位手机号") String phone,
            @Pattern(regexp = FLAG, message = "须为 是 或 否") String registeredPoor,
            @Size(max = 50) String relocationHouseholdId,
            @Size(max = 100) String relocationSite,
            @Pattern(regexp = FLAG, message = "须为 是 或 否") String consolidationTraining,
            @Min(2000) @Max(2100) Integer previousTrainingYear,
            @Pattern(regexp = "已就业|自主创业|未就业|EMPLOYED|SELF_EMPLOYED|NOT_EMPLOYED",
                    message = "须为 已就业、自主创业 或 未就业") String employmentStatus) {
    }

    static final Map<String, String> COLUMNS = Map.ofEntries(
            Map.entry("姓名", "name"), Map.entry("name", "name"),
            Map.entry("身份证号", "residentId"), Map.entry("身份证号码", "residentId"), Map.entry("residentId", "residentId"),
            Map.entry("乡镇", "township"), Map.entry("township", "township"),
            Map.entry("村", "village"), Map.entry("村居", "village"), Map.entry("village", "village"),
            Map.entry("手机号", "phone"), Map.entry("联系电话", "phone"), Map.entry("phone", "phone"),
            Map.entry("建档立卡", "registeredPoor"), Map.entry("是否建档立卡贫困户", "registeredPoor"),
            Map.entry("registeredPoor", "registeredPoor"),
            Map.entry("搬迁户编号", "relocationHouseholdId"), Map.entry("relocationHouseholdId", "relocationHouseholdId"),
            Map.entry("安置点", "relocationSite"), Map.entry("relocationSite", "relocationSite"),
            Map.entry("巩固培训", "consolidationTraining"), Map.entry("consolidationTraining", "consolidationTraining"),
            Map.entry("此前培训年份", "previousTrainingYear"), Map.entry("previousTrainingYear", "previousTrainingYear"),
            Map.entry("就业状态", "employmentStatus"), Map.entry("employmentStatus", "employmentStatus"));

    private final Enrolments enrolments;
    private final TrainingQueries queries;
    private final TrainingRecords records;
    private final RowBinder<RosterRow> binder;

    public RosterImports(Enrolments enrolments, TrainingQueries queries, TrainingRecords records, Validator validator,
                         ObjectMapper objectMapper) {
        this.enrolments = enrolments;
        this.queries = queries;
        this.records = records;
        this.binder = new RowBinder<>(RosterRow.class, COLUMNS, validator, objectMapper);
    }

    /** Imports the file's roster into the class: every row checked, applied all or nothing unless {@code partial}. */
    public ImportReport importRoster(String classId, MultipartFile file, boolean partial, Instant occurredAt, Actor actor)
            throws IOException {
        RowImport<RosterRow> rows = RowImport.read(file, binder, Set.of("name", "residentId"));
        TrainingQueries.Roster cls = queries.roster(classId)
                .orElseThrow(() -> new NotFound("未找到编号为 " + classId + " 的班级"));

        Map<Integer, Enrolment> byRow = new HashMap<>();
        rows.valid().forEach(bound -> byRow.put(bound.row(), enrolments.enrolmentOf(applicant(bound.value()))));
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
    private void check(RowImport<RosterRow> rows, int row, Enrolment e, TrainingQueries.Roster cls, Set<String> onRoster,
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

    private static Applicant applicant(RosterRow r) {
        return new Applicant(r.name(), r.residentId(), r.township(), r.phone(), r.village(), flag(r.registeredPoor()),
                r.relocationHouseholdId(), r.relocationSite(), flag(r.consolidationTraining()), r.previousTrainingYear(),
                status(r.employmentStatus()));
    }

    private static Boolean flag(String text) {
        return text != null && Set.of("是", "true", "TRUE", "1", "Y", "y").contains(text);
    }

    private static EmploymentStatus status(String text) {
        if (text == null) {
            return null;
        }
        return switch (text) {
            case "已就业" -> EmploymentStatus.EMPLOYED;
            case "自主创业" -> EmploymentStatus.SELF_EMPLOYED;
            case "未就业" -> EmploymentStatus.NOT_EMPLOYED;
            default -> EmploymentStatus.valueOf(text);
        };
    }
}
