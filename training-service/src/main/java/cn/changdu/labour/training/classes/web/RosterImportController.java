package cn.changdu.labour.training.classes.web;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.contracts.person.PersonKeys;
import cn.changdu.labour.kernel.RuleViolation;
import cn.changdu.labour.support.imports.ImportReport;
import cn.changdu.labour.support.imports.RowBinder;
import cn.changdu.labour.support.imports.RowImport;
import cn.changdu.labour.support.web.NotFound;
import cn.changdu.labour.support.web.ValidResidentId;
import cn.changdu.labour.training.classes.api.EmploymentStatus;
import cn.changdu.labour.training.classes.api.Enrolment;
import cn.changdu.labour.training.classes.app.Enrolments;
import cn.changdu.labour.training.classes.model.TrainingPolicy;
import cn.changdu.labour.training.classes.query.TrainingQueries;
import cn.changdu.labour.training.trainee.api.RecordPersonEnrolmentCommand;
import cn.changdu.labour.training.trainee.model.TrainingRecordRules;
import cn.changdu.labour.training.trainee.model.TrainingRecordRules.Entry;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bulk import of a class roster (XLSX or CSV, the columns a county office keeps, zh or en titles). Every row is
 * checked first — format, then the plan's rules against the class and the people's records (read models) — and
 * nothing is sent unless all rows are good or the caller asked for a partial import. The good rows then go as one
 * command, all or nothing; if a rule fails there after all (a write raced the read models), nothing is stored and
 * the row is reported.
 */
@RestController
@RequestMapping("/api/training/classes")
public class RosterImportController {

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
    private final PersonKeys personKeys;
    private final TrainingQueries queries;
    private final TrainingPolicy policy;
    private final RowBinder<RosterRow> binder;

    public RosterImportController(Enrolments enrolments, PersonKeys personKeys, TrainingQueries queries,
                                  TrainingPolicy policy, Validator validator, ObjectMapper objectMapper) {
        this.enrolments = enrolments;
        this.personKeys = personKeys;
        this.queries = queries;
        this.policy = policy;
        this.binder = new RowBinder<>(RosterRow.class, COLUMNS, validator, objectMapper);
    }

    @Operation(summary = "Import a class roster (XLSX or CSV): every row checked; nothing recorded unless all rows are good "
            + "or partial=true")
    @PostMapping(path = "/{classId}/trainees/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ImportReport importRoster(@PathVariable String classId, @RequestPart("file") MultipartFile file,
                                     @RequestParam(defaultValue = "false") boolean partial,
                                     @RequestParam(required = false) java.time.Instant occurredAt, Actor actor) throws IOException {
        RowImport<RosterRow> rows = RowImport.read(file, binder, Set.of("name", "residentId"));
        TrainingQueries.Roster cls = queries.roster(classId)
                .orElseThrow(() -> new NotFound("未找到编号为 " + classId + " 的班级"));
        LocalDate start = cls.startDate();
        LocalDate end = cls.endDate();
        String trade = cls.trade();
        String countyCode = cls.countyCode();
        int plannedSize = cls.plannedSize();
        int enrolled = cls.enrolled();

        Map<Integer, Enrolment> byRow = new HashMap<>();
        rows.valid().forEach(bound -> byRow.put(bound.row(), enrolment(bound.value())));
        List<String> people = byRow.values().stream().map(Enrolment::personKey).distinct().toList();
        Set<String> onRoster = queries.enrolledAmong(classId, people);
        Map<String, List<Entry>> records = records(people);
        List<Enrolment> duplicateAttempts = new ArrayList<>();
        int[] accepted = {0};
        List<RowImport.Checked<Enrolment>> good = rows.check(bound -> {
            Enrolment e = byRow.get(bound.row());
            try {
                check(rows, bound.row(), e, classId, countyCode, start, end, trade, onRoster,
                        records.getOrDefault(e.personKey(), List.of()));
            } catch (RuleViolation violation) {
                if (TrainingRecordRules.DUPLICATE_TRAINING.equals(violation.rule())) {
                    duplicateAttempts.add(e);
                }
                throw violation;
            }
            if (enrolled + accepted[0] >= plannedSize) {
                throw new RuleViolation("class-size-within-plan", null, "超出计划人数 " + plannedSize + " 人，超出须先登记计划变更");
            }
            accepted[0]++;
            return e;
        });
        // attempts are recorded whether or not the rest of the roster is applied (see Enrolments)
        duplicateAttempts.forEach(e -> enrolments.recordDuplicateAttempt(e.personKey(), classId, countyCode, trade, start,
                actor, occurredAt));
        return rows.applyAll(good, partial, all -> enrolments.enrol(classId, all, actor, occurredAt));
    }

    /** The classes each person of the roster is enrolled in, from the people read model in one query per file. */
    private Map<String, List<Entry>> records(List<String> people) {
        Map<String, List<Entry>> records = new HashMap<>();
        queries.enrolmentsOf(people).forEach((personKey, classes) -> records.put(personKey, classes.stream()
                .map(c -> new Entry(c.classId(), c.countyCode(), c.trade(), c.startDate(), c.endDate())).toList()));
        return records;
    }

    /** The plan's rules a row can be checked against before anything is sent: the same ones the person's record enforces. */
    private void check(RowImport<RosterRow> rows, int row, Enrolment e, String classId, String countyCode,
                       LocalDate start, LocalDate end, String trade, Set<String> onRoster, List<Entry> record) {
        Integer earlier = rows.earlierRowOf(e.personKey(), row);
        if (earlier != null) {
            throw new RuleViolation("trainee-listed-once", "residentId", "此人在名单中出现了不止一次（与第 " + earlier + " 行）");
        }
        if (onRoster.contains(e.personKey())) {
            throw new RuleViolation("trainee-enrolled-once-per-class", "residentId", "此人已在本班报名");
        }
        RecordPersonEnrolmentCommand proposed = new RecordPersonEnrolmentCommand(e.personKey(), classId, countyCode, trade,
                null, false, start, end, e.registeredPoor(), e.consolidationTraining(), e.previousTrainingYear(),
                e.employmentStatus(), e.relocationHouseholdId(), e.relocationSite());
        TrainingRecordRules.refusal(record, proposed, policy.duplicateTrainingWindowDays()).ifPresent(violation -> {
            throw violation;
        });
    }

    private Enrolment enrolment(RosterRow r) {
        return TrainingClassController.enrolment(personKeys, new TrainingClassController.EnrolTraineeRequest(
                r.name(), r.residentId(), r.township(), r.phone(), null, r.village(), flag(r.registeredPoor()),
                r.relocationHouseholdId(), r.relocationSite(), flag(r.consolidationTraining()), r.previousTrainingYear(),
                status(r.employmentStatus())));
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
