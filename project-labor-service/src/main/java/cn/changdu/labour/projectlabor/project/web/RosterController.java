package cn.changdu.labour.projectlabor.project.web;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.contracts.Counties;
import cn.changdu.labour.projectlabor.project.api.PayCycle;
import cn.changdu.labour.projectlabor.project.app.Payrolls;
import cn.changdu.labour.projectlabor.project.app.RosterImports;
import cn.changdu.labour.projectlabor.project.app.Rosters;
import cn.changdu.labour.support.imports.RowBinder;
import cn.changdu.labour.support.imports.RowBinders;
import cn.changdu.labour.support.web.ImportJobs;
import cn.changdu.labour.support.imports.RowImport;
import cn.changdu.labour.support.web.ValidResidentId;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The real-name roster (实名制花名册) and the payrolls (工资表) of a project, one by one or as a file. */
@RestController
@RequestMapping("/api/projects/{projectId}")
public class RosterController {

    /** The most lines one payroll request takes; a bigger roster sends its payroll as a file (/payrolls/import). */
    public static final int MAX_PAYROLL_LINES = 10_000;

    private final Rosters rosters;
    private final RosterImports rosterImports;
    private final Payrolls payrolls;
    private final ImportJobs jobs;
    private final RowBinder<JoinRequest> rosterRows;
    private final RowBinder<PayrollLineRequest> payrollRows;

    public RosterController(Rosters rosters, RosterImports rosterImports, Payrolls payrolls,
                            RowBinders rowBinders, ImportJobs jobs) {
        this.jobs = jobs;
        this.rosters = rosters;
        this.rosterImports = rosterImports;
        this.payrolls = payrolls;
        this.rosterRows = rowBinders.of(JoinRequest.class, Map.ofEntries(
                Map.entry("姓名", "name"), Map.entry("name", "name"),
                Map.entry("身份证号", "residentId"), Map.entry("公民身份号码", "residentId"), Map.entry("residentId", "residentId"),
                Map.entry("手机", "phone"), Map.entry("手机号", "phone"), Map.entry("phone", "phone"),
                Map.entry("本地农牧民", "localFarmerHerder"), Map.entry("localFarmerHerder", "localFarmerHerder"),
                Map.entry("户籍县区代码", "homeCountyCode"), Map.entry("homeCountyCode", "homeCountyCode"),
                Map.entry("工种", "trade"), Map.entry("trade", "trade"),
                Map.entry("工资标准", "wageRate"), Map.entry("wageRate", "wageRate"),
                Map.entry("计薪方式", "payCycle"), Map.entry("payCycle", "payCycle"),
                Map.entry("参加社保", "socialInsuranceRegistered"), Map.entry("socialInsuranceRegistered", "socialInsuranceRegistered"),
                Map.entry("进场日期", "joinedOn"), Map.entry("joinedOn", "joinedOn")));
        this.payrollRows = rowBinders.of(PayrollLineRequest.class, Map.ofEntries(
                Map.entry("姓名", "name"), Map.entry("name", "name"),
                Map.entry("身份证号", "residentId"), Map.entry("公民身份号码", "residentId"), Map.entry("residentId", "residentId"),
                Map.entry("出勤天数", "daysWorked"), Map.entry("daysWorked", "daysWorked"),
                Map.entry("应发工资", "amountDue"), Map.entry("amountDue", "amountDue")));
    }

    /**
     * A roster entry. {@code localFarmerHerder}: 是/否 or true/false; a local farmer or herder names the home county
     * (one of Changdu's 11). {@code wageRate}: yuan per month ({@code MONTHLY}, the default) or per day ({@code DAILY}).
     */
    public record JoinRequest(
            @NotBlank @Size(max = 50) String name,
            @NotBlank @ValidResidentId String residentId,
            @Pattern(regexp = "1\\d{10}", message = "须为 11 位手机号") String phone,
            @NotNull @Pattern(regexp = "是|否|true|false", message = "须为 是 或 否") String localFarmerHerder,
            @Pattern(regexp = Counties.PATTERN, message = "须为昌都市所辖县区代码") String homeCountyCode,
            @NotBlank @Size(max = 50) String trade,
            @NotNull @Positive @Digits(integer = 9, fraction = 2, message = "须为金额（元），最多两位小数") BigDecimal wageRate,
            PayCycle payCycle,
            @Pattern(regexp = "是|否|true|false", message = "须为 是 或 否") String socialInsuranceRegistered,
            @NotNull LocalDate joinedOn,
            Instant occurredAt) implements Rosters.Joining {

        @Override
        public boolean local() {
            return "是".equals(localFarmerHerder) || "true".equals(localFarmerHerder);
        }

        @Override
        public boolean insured() {
            return "是".equals(socialInsuranceRegistered) || "true".equals(socialInsuranceRegistered);
        }
    }

    public record WorkerJoinedResponse(String projectId, String personKey) {
    }

    @Operation(summary = "Put a worker on the project's real-name roster (进场登记)")
    @PostMapping("/roster")
    public ResponseEntity<WorkerJoinedResponse> join(@PathVariable String projectId,
                                                     @Valid @RequestBody JoinRequest request, Actor actor) {
        String personKey = rosters.join(projectId, request, actor);
        return ResponseEntity.status(201).body(new WorkerJoinedResponse(projectId, personKey));
    }

    public record LeaveRequest(@NotBlank @ValidResidentId String residentId, @NotNull LocalDate leftOn,
                               Instant occurredAt) {
    }

    @Operation(summary = "Record a worker leaving the project (离场登记)")
    @PostMapping("/roster/departures")
    public ResponseEntity<Void> leave(@PathVariable String projectId, @Valid @RequestBody LeaveRequest request,
                                      Actor actor) {
        rosters.leave(projectId, request.residentId(), request.leftOn(), actor, request.occurredAt());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Import a roster (XLSX/CSV): 姓名, 身份证号, 手机, 本地农牧民, 户籍县区代码, 工种, 工资标准, 计薪方式, "
            + "参加社保, 进场日期; all rows or none unless partial=true")
    @PostMapping(value = "/roster/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<?> importRoster(@PathVariable String projectId, @RequestPart("file") MultipartFile file,
                                          @RequestParam(defaultValue = "false") boolean partial,
                                          @RequestParam(defaultValue = "false") boolean job, Actor actor)
            throws IOException {
        RowImport<JoinRequest> rows = RowImport.read(file, rosterRows,
                Set.of("name", "residentId", "localFarmerHerder", "trade", "wageRate", "joinedOn"));
        return jobs.answer(rows, job, actor, () -> rosterImports.importRoster(projectId, rows, partial, actor));
    }

    /** A line of a payroll: in the body of a payroll, or a row of a payroll file (the same fields and rules). */
    public record PayrollLineRequest(
            @Size(max = 50) String name,
            @NotBlank @ValidResidentId String residentId,
            @PositiveOrZero @Max(31) Integer daysWorked,
            @PositiveOrZero @Digits(integer = 9, fraction = 2, message = "须为金额（元），最多两位小数") BigDecimal amountDue)
            implements Payrolls.Line {
    }

    public record PayrollRequest(@NotNull YearMonth period,
                                 @NotEmpty @Size(max = MAX_PAYROLL_LINES) List<@Valid PayrollLineRequest> lines,
                                 LocalDate submittedOn, Instant occurredAt) {
    }

    public record PayrollSubmittedResponse(String projectId, String period, int lines) {
    }

    @Operation(summary = "Submit the payroll of a pay period (工资表); amounts due default to the roster's rate and pay cycle")
    @PostMapping("/payrolls")
    public ResponseEntity<PayrollSubmittedResponse> submitPayroll(@PathVariable String projectId,
                                                                  @Valid @RequestBody PayrollRequest request,
                                                                  Actor actor) {
        int lines = payrolls.submit(projectId, request.period(), request.lines(), request.submittedOn(), actor,
                request.occurredAt());
        return ResponseEntity.status(201).body(new PayrollSubmittedResponse(projectId, request.period().toString(), lines));
    }

    @Operation(summary = "Import a payroll (XLSX/CSV) for a period: 姓名, 身份证号, 出勤天数, 应发工资; one payroll, all rows "
            + "or (partial=true) the good rows")
    @PostMapping(value = "/payrolls/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<?> importPayroll(@PathVariable String projectId, @RequestParam YearMonth period,
                                           @RequestPart("file") MultipartFile file,
                                           @RequestParam(defaultValue = "false") boolean partial,
                                           @RequestParam(defaultValue = "false") boolean job, Actor actor)
            throws IOException {
        RowImport<PayrollLineRequest> rows = RowImport.read(file, payrollRows, Set.of("residentId"));
        return jobs.answer(rows, job, actor, () -> payrolls.importPayroll(projectId, period, rows, partial, actor));
    }
}
