package cn.changdu.labour.training.classes.web;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.contracts.person.PersonKeys;
import cn.changdu.labour.support.imports.ImportRefusedException;
import cn.changdu.labour.support.imports.ImportReport;
import cn.changdu.labour.support.imports.RowBinder;
import cn.changdu.labour.support.imports.RowError;
import cn.changdu.labour.support.imports.Table;
import cn.changdu.labour.support.imports.TabularFiles;
import cn.changdu.labour.support.web.ValidResidentId;
import cn.changdu.labour.training.classes.api.EmploymentStatus;
import cn.changdu.labour.training.classes.api.Enrolment;
import cn.changdu.labour.training.classes.app.EnrolmentCoordinator;
import cn.changdu.labour.training.classes.app.Enrolments;
import cn.changdu.labour.training.classes.model.TrainingPolicy;
import cn.changdu.labour.training.classes.query.TrainingViews;
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
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
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
    private final MongoTemplate mongo;
    private final TrainingPolicy policy;
    private final RowBinder<RosterRow> binder;

    public RosterImportController(Enrolments enrolments, PersonKeys personKeys, MongoTemplate mongo,
                                  TrainingPolicy policy, Validator validator, ObjectMapper objectMapper) {
        this.enrolments = enrolments;
        this.personKeys = personKeys;
        this.mongo = mongo;
        this.policy = policy;
        this.binder = new RowBinder<>(RosterRow.class, COLUMNS, validator, objectMapper);
    }

    private record Candidate(int row, Enrolment enrolment) {
    }

    @Operation(summary = "Import a class roster (XLSX or CSV): every row checked; nothing recorded unless all rows are good "
            + "or partial=true")
    @PostMapping(path = "/{classId}/trainees/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ImportReport importRoster(@PathVariable String classId, @RequestPart("file") MultipartFile file,
                                     @RequestParam(defaultValue = "false") boolean partial,
                                     @RequestParam(required = false) java.time.Instant occurredAt, Actor actor) throws IOException {
        Table table = TabularFiles.read(file.getOriginalFilename(), file.getInputStream());
        binder.requireColumns(table, Set.of("name", "residentId"));
        RowBinder.Binding<RosterRow> binding = binder.bind(table);
        List<RowError> errors = new ArrayList<>(binding.errors());

        Document cls = mongo.findById(classId, Document.class, TrainingViews.CLASSES);
        if (cls == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "未找到编号为 " + classId + " 的班级");
        }
        LocalDate start = LocalDate.parse(cls.getString("startDate"));
        LocalDate end = LocalDate.parse(cls.getString("endDate"));
        String trade = cls.getString("trade");
        Map<?, ?> onRoster = cls.get("trainees") instanceof Map<?, ?> m ? m : Map.of();
        int enrolled = (int) onRoster.values().stream().filter(t -> "ENROLLED".equals(((Document) t).get("status"))).count();
        int capacity = cls.getInteger("plannedSize", 0) - enrolled;

        String countyCode = cls.getString("countyCode");
        List<Enrolment> rows = binding.valid().stream().map(bound -> enrolment(bound.value())).toList();
        Map<String, List<Entry>> records = records(rows);
        List<Candidate> candidates = new ArrayList<>();
        List<Enrolment> duplicateAttempts = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            int row = binding.valid().get(i).row();
            Enrolment enrolment = rows.get(i);
            RowError error = check(row, enrolment, classId, countyCode, start, end, trade, onRoster, seen,
                    records.getOrDefault(enrolment.personKey(), List.of()));
            if (error != null) {
                errors.add(error);
                if (TrainingRecordRules.DUPLICATE_TRAINING.equals(error.rule())) {
                    duplicateAttempts.add(enrolment);
                }
            } else if (candidates.size() >= capacity) {
                errors.add(new RowError(row, null, "class-size-within-plan",
                        "超出计划人数 " + cls.getInteger("plannedSize", 0) + " 人，超出须先登记计划变更"));
            } else {
                candidates.add(new Candidate(row, enrolment));
            }
        }
        // attempts are recorded whether or not the rest of the roster is applied (see Enrolments)
        duplicateAttempts.forEach(e -> enrolments.recordDuplicateAttempt(e.personKey(), classId, countyCode, trade, start,
                actor, occurredAt));
        errors.sort(Comparator.comparingInt(RowError::row));
        if (!errors.isEmpty() && !partial) {
            throw new ImportRefusedException(binding.rows(), errors);
        }
        if (!candidates.isEmpty()) {
            try {
                enrolments.enrol(classId, candidates.stream().map(Candidate::enrolment).toList(), actor, occurredAt);
            } catch (EnrolmentCoordinator.EnrolmentRefused refused) {
                List<RowError> all = new ArrayList<>(errors);
                all.add(new RowError(candidates.get(refused.index()).row(), refused.field(), refused.rule(),
                        refused.getMessage()));
                all.sort(Comparator.comparingInt(RowError::row));
                throw new ImportRefusedException(binding.rows(), all);
            }
        }
        return new ImportReport(binding.rows(), candidates.size(), partial, errors);
    }

    /** The classes each person of the roster is enrolled in, from the people read model in one query. */
    private Map<String, List<Entry>> records(List<Enrolment> rows) {
        Map<String, List<Entry>> records = new HashMap<>();
        Query query = Query.query(Criteria.where("_id").in(rows.stream().map(Enrolment::personKey).distinct().toList()));
        query.fields().include("classes");
        for (Document person : mongo.find(query, Document.class, TrainingViews.PEOPLE)) {
            List<Entry> entries = new ArrayList<>();
            if (person.get("classes") instanceof Map<?, ?> classes) {
                for (Object value : classes.values()) {
                    Document c = (Document) value;
                    if ("ENROLLED".equals(c.get("status")) && c.getString("startDate") != null) {
                        entries.add(new Entry(c.getString("classId"), c.getString("countyCode"), c.getString("trade"),
                                LocalDate.parse(c.getString("startDate")), LocalDate.parse(c.getString("endDate"))));
                    }
                }
            }
            records.put(person.getString("_id"), entries);
        }
        return records;
    }

    /** The plan's rules a row can be checked against before anything is sent: the same ones the person's record enforces. */
    private RowError check(int row, Enrolment e, String classId, String countyCode, LocalDate start, LocalDate end,
                           String trade, Map<?, ?> onRoster, Set<String> seen, List<Entry> record) {
        if (!seen.add(e.personKey())) {
            return new RowError(row, "residentId", "trainee-listed-once", "此人在名单中出现了不止一次");
        }
        if (onRoster.get(e.personKey()) instanceof Document t && "ENROLLED".equals(t.get("status"))) {
            return new RowError(row, "residentId", "trainee-enrolled-once-per-class", "此人已在本班报名");
        }
        RecordPersonEnrolmentCommand proposed = new RecordPersonEnrolmentCommand(e.personKey(), classId, countyCode, trade,
                null, false, start, end, e.registeredPoor(), e.consolidationTraining(), e.previousTrainingYear(),
                e.employmentStatus(), e.relocationHouseholdId(), e.relocationSite());
        return TrainingRecordRules.refusal(record, proposed, policy.duplicateTrainingWindowDays())
                .map(v -> new RowError(row, v.field(), v.rule(), v.getMessage()))
                .orElse(null);
    }

    private Enrolment enrolment(RosterRow r) {
        return TrainingClassController.enrolment(personKeys, new TrainingClassController.EnrollTraineeRequest(
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
