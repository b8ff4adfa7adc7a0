package cn.changdu.labour.training.classes.web;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.support.imports.RowBinder;
import cn.changdu.labour.support.imports.RowBinders;
import cn.changdu.labour.support.web.ImportJobs;
import cn.changdu.labour.support.imports.RowImport;
import cn.changdu.labour.support.web.ValidResidentId;
import cn.changdu.labour.training.classes.app.Applicant;
import cn.changdu.labour.training.classes.app.RosterImports;
import cn.changdu.labour.training.plan.api.EmploymentStatus;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Bulk import of a class roster (XLSX or CSV, the columns a county office keeps, zh or en titles): the file's format
 * is read and bound here, the rows are checked and applied by {@link RosterImports}.
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
                    message = "须为 已就业、自主创业 或 未就业") String employmentStatus) implements RosterImports.Row {

        @Override
        public Applicant applicant() {
            return new Applicant(name, residentId, township, phone, village, flag(registeredPoor), relocationHouseholdId,
                    relocationSite, flag(consolidationTraining), previousTrainingYear, status(employmentStatus));
        }
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

    private final RosterImports rosterImports;
    private final RowBinder<RosterRow> binder;
    private final ImportJobs jobs;

    public RosterImportController(RosterImports rosterImports, RowBinders rowBinders, ImportJobs jobs) {
        this.rosterImports = rosterImports;
        this.jobs = jobs;
        this.binder = rowBinders.of(RosterRow.class, COLUMNS);
    }

    @Operation(summary = "Import a class roster (XLSX or CSV): every row checked; nothing recorded unless all rows are good "
            + "or partial=true")
    @PostMapping(path = "/{classId}/trainees/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<?> importRoster(@PathVariable String classId, @RequestPart("file") MultipartFile file,
                                          @RequestParam(defaultValue = "false") boolean partial,
                                          @RequestParam(required = false) Instant occurredAt,
                                          @RequestParam(defaultValue = "false") boolean job, Actor actor)
            throws IOException {
        RowImport<RosterRow> rows = RowImport.read(file, binder, Set.of("name", "residentId"));
        return jobs.answer(rows, job, actor, () -> rosterImports.importRoster(classId, rows, partial, occurredAt, actor));
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
