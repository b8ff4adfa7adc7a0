package cn.changdu.labour.projectlabor.project.web;

import cn.changdu.labour.kernel.BusinessTime;
import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.contracts.Counties;
import cn.changdu.labour.contracts.person.PersonKeys;
import cn.changdu.labour.contracts.person.ResidentId;
import cn.changdu.labour.projectlabor.project.api.JoinProjectCommand;
import cn.changdu.labour.projectlabor.project.api.LeaveProjectCommand;
import cn.changdu.labour.projectlabor.project.api.PayCycle;
import cn.changdu.labour.projectlabor.project.api.PayrollLine;
import cn.changdu.labour.projectlabor.project.api.SubmitPayrollCommand;
import cn.changdu.labour.projectlabor.project.query.ProjectQueries;
import cn.changdu.labour.projectlabor.worker.api.EndRosterDaysCommand;
import cn.changdu.labour.projectlabor.worker.api.ReleaseRosterDaysCommand;
import cn.changdu.labour.projectlabor.worker.api.ReserveRosterDaysCommand;
import cn.changdu.labour.kernel.RuleViolation;
import cn.changdu.labour.support.imports.ImportRefusedException;
import cn.changdu.labour.support.imports.ImportReport;
import cn.changdu.labour.support.imports.RowBinder;
import cn.changdu.labour.support.imports.RowError;
import cn.changdu.labour.support.imports.RowImport;
import cn.changdu.labour.support.commands.DomainCommands;
import cn.changdu.labour.support.web.ValidResidentId;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import java.time.Clock;
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

    private static final Logger log = LoggerFactory.getLogger(RosterController.class);

    private final DomainCommands commands;
    private final PersonKeys personKeys;
    private final ProjectQueries queries;
    private final Clock clock;
    private final RowBinder<JoinRequest> rosterRows;
    private final RowBinder<PayrollLineRequest> payrollRows;

    public RosterController(DomainCommands commands, PersonKeys personKeys, ProjectQueries queries, Clock clock,
                            Validator validator, ObjectMapper mapper) {
        this.commands = commands;
        this.personKeys = personKeys;
        this.queries = queries;
        this.clock = clock;
        this.rosterRows = new RowBinder<>(JoinRequest.class, Map.ofEntries(
                Map.entry("姓名", "name"), Map.entry("name", "name"),
                Map.entry("身份证号", "residentId"), Map.entry("公民身份号码", "residentId"), Map.entry("residentId", "residentId"),
                Map.entry("手机", "phone"), Map.entry("手机号", "phone"), Map.entry("phone", "phone"),
                Map.entry("本地农牧民", "localFarmerHerder"), Map.entry("localFarmerHerder", "localFarmerHerder"),
                Map.entry("户籍县区代码", "homeCountyCode"), Map.entry("homeCountyCode", "homeCountyCode"),
                Map.entry("工种", "trade"), Map.entry("trade", "trade"),
                Map.entry("工资标准", "wageRate"), Map.entry("wageRate", "wageRate"),
                Map.entry("计薪方式", "payCycle"), Map.entry("payCycle", "payCycle"),
                Map.entry("参加社保", "socialInsuranceRegistered"), Map.entry("socialInsuranceRegistered", "socialInsuranceRegistered"),
                Map.entry("进场日期", "joinedOn"), Map.entry("joinedOn", "joinedOn")), validator, mapper);
        this.payrollRows = new RowBinder<>(PayrollLineRequest.class, Map.ofEntries(
                Map.entry("姓名", "name"), Map.entry("name", "name"),
                Map.entry("身份证号", "residentId"), Map.entry("公民身份号码", "residentId"), Map.entry("residentId", "residentId"),
                Map.entry("出勤天数", "daysWorked"), Map.entry("daysWorked", "daysWorked"),
                Map.entry("应发工资", "amountDue"), Map.entry("amountDue", "amountDue")), validator, mapper);
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
            Instant occurredAt) {

        boolean local() {
            return "是".equals(localFarmerHerder) || "true".equals(localFarmerHerder);
        }

        boolean insured() {
            return "是".equals(socialInsuranceRegistered) || "true".equals(socialInsuranceRegistered);
        }
    }

    public record JoinedResponse(String projectId, String personKey) {
    }

    @Operation(summary = "Put a worker on the project's real-name roster (进场登记)")
    @PostMapping("/roster")
    public ResponseEntity<JoinedResponse> join(@PathVariable String projectId, @Valid @RequestBody JoinRequest request,
                                               Actor actor) {
        String personKey = commands.onFileOnce(() -> joinRoster(projectId, request, actor));
        return ResponseEntity.status(201).body(new JoinedResponse(projectId, personKey));
    }

    public record LeaveRequest(@NotBlank @ValidResidentId String residentId, @NotNull LocalDate leftOn,
                               Instant occurredAt) {
    }

    @Operation(summary = "Record a worker leaving the project (离场登记)")
    @PostMapping("/roster/departures")
    public ResponseEntity<Void> leave(@PathVariable String projectId, @Valid @RequestBody LeaveRequest request,
                                      Actor actor) {
        String personKey = personKeys.keyOf(new ResidentId(request.residentId()));
        return commands.onFileOnce(() -> {
            try {
                commands.send(new LeaveProjectCommand(projectId, personKey, request.leftOn()), actor, request.occurredAt());
            } catch (RuleViolation notOnRoster) {
                // a departure retried after a crash between the two commands: end the person's days, then refuse
                if ("worker-on-roster".equals(notOnRoster.rule())) {
                    endRosterDays(projectId, personKey, request, actor);
                }
                throw notOnRoster;
            }
            endRosterDays(projectId, personKey, request, actor);
            return ResponseEntity.noContent().build();
        });
    }

    private void endRosterDays(String projectId, String personKey, LeaveRequest request, Actor actor) {
        try {
            commands.send(new EndRosterDaysCommand(personKey, projectId, request.leftOn()), actor, request.occurredAt());
        } catch (AggregateNotFoundException e) {
            // rosters recorded before the per-person view existed have no days to end
            log.debug("no roster days recorded for {} on {}", personKey, projectId);
        }
    }

    @Operation(summary = "Import a roster (XLSX/CSV): 姓名, 身份证号, 手机, 本地农牧民, 户籍县区代码, 工种, 工资标准, 计薪方式, "
            + "参加社保, 进场日期; all rows or none unless partial=true")
    @PostMapping(value = "/roster/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ImportReport importRoster(@PathVariable String projectId, @RequestPart("file") MultipartFile file,
                                     @RequestParam(defaultValue = "false") boolean partial, Actor actor) throws IOException {
        RowImport<JoinRequest> rows = RowImport.read(file, rosterRows,
                Set.of("name", "residentId", "localFarmerHerder", "trade", "wageRate", "joinedOn"));
        // every person's stints read once for the whole file (one query), not twice per row
        Map<String, ProjectQueries.Stints> stints = queries.stintsOf(rows.valid().stream()
                .map(row -> personKeys.keyOf(new ResidentId(row.value().residentId()))).toList());
        List<RowImport.Checked<JoinRequest>> good = rows.check(row -> {
            JoinRequest r = row.value();
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
        // each join reserves the person's days first (see joinRoster): one row at a time, one file write at the end
        return commands.onFileOnce(() -> rows.applyEach(good, partial, r -> joinRoster(projectId, r, actor)));
    }

    /** A line of a payroll: in the body of a payroll, or a row of a payroll file (the same fields and rules). */
    public record PayrollLineRequest(
            @Size(max = 50) String name,
            @NotBlank @ValidResidentId String residentId,
            @PositiveOrZero @Max(31) Integer daysWorked,
            @PositiveOrZero @Digits(integer = 9, fraction = 2, message = "须为金额（元），最多两位小数") BigDecimal amountDue) {
    }

    public record PayrollRequest(@NotNull YearMonth period, @NotEmpty List<@Valid PayrollLineRequest> lines,
                                 LocalDate submittedOn, Instant occurredAt) {
    }

    public record PayrollResponse(String projectId, String period, int lines) {
    }

    @Operation(summary = "Submit the payroll of a pay period (工资表); amounts due default to the roster's rate and pay cycle")
    @PostMapping("/payrolls")
    public ResponseEntity<PayrollResponse> submitPayroll(@PathVariable String projectId,
                                                         @Valid @RequestBody PayrollRequest request, Actor actor) {
        List<PayrollLine> lines = request.lines().stream().map(l -> new PayrollLine(
                personKeys.keyOf(new ResidentId(l.residentId())), l.daysWorked(), l.amountDue())).toList();
        commands.send(new SubmitPayrollCommand(projectId, request.period(), lines,
                request.submittedOn() != null ? request.submittedOn() : today(request.occurredAt())), actor, request.occurredAt());
        return ResponseEntity.status(201).body(new PayrollResponse(projectId, request.period().toString(), lines.size()));
    }

    @Operation(summary = "Import a payroll (XLSX/CSV) for a period: 姓名, 身份证号, 出勤天数, 应发工资; one payroll, all rows "
            + "or (partial=true) the good rows")
    @PostMapping(value = "/payrolls/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ImportReport importPayroll(@PathVariable String projectId, @RequestParam YearMonth period,
                                      @RequestPart("file") MultipartFile file,
                                      @RequestParam(defaultValue = "false") boolean partial, Actor actor) throws IOException {
        RowImport<PayrollLineRequest> rows = RowImport.read(file, payrollRows, Set.of("residentId"));
        // every person's stints read once for the whole file (one query), not per row
        Map<String, ProjectQueries.Stints> stints = queries.stintsOf(rows.valid().stream()
                .map(row -> personKeys.keyOf(new ResidentId(row.value().residentId()))).toList());
        List<RowImport.Checked<PayrollLine>> good = rows.check(row -> {
            PayrollLineRequest r = row.value();
            String personKey = personKeys.keyOf(new ResidentId(r.residentId()));
            Integer earlier = rows.earlierRowOf(personKey, row.row());
            if (earlier != null) {
                throw new RuleViolation("payroll-line-once-per-worker", "residentId", "与第 " + earlier + " 行是同一人");
            }
            if (!stints.get(personKey).onRosterIn(projectId, period)) {
                throw new RuleViolation("payroll-lines-on-roster", "residentId", "此人在该期间不在本项目花名册上");
            }
            return new PayrollLine(personKey, r.daysWorked(), r.amountDue());
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

    /**
     * Reserves the person's days first (one roster at a time, city-wide), then joins the project; if the project
     * refuses, the reservation is released. Between the two a concurrent join elsewhere is refused by the person's
     * reservation, so the rule holds without a read model race.
     */
    private String joinRoster(String projectId, JoinRequest request, Actor actor) {
        if (request.local() && request.homeCountyCode() == null) {
            throw new RuleViolation("local-worker-has-home-county", "homeCountyCode", "本地农牧民须填写户籍县区代码");
        }
        ResidentId residentId = new ResidentId(request.residentId());
        String personKey = personKeys.keyOf(residentId);
        commands.send(new ReserveRosterDaysCommand(personKey, projectId, request.joinedOn()), actor, request.occurredAt());
        try {
            commands.send(new JoinProjectCommand(projectId, personKey, request.name().strip(), residentId.value(),
                    request.phone(), request.local(), request.homeCountyCode(),
                    request.trade().strip(), request.wageRate(), request.payCycle() == null ? PayCycle.MONTHLY : request.payCycle(),
                    request.insured(), request.joinedOn()), actor, request.occurredAt());
        } catch (RuntimeException refused) {
            // already on this roster (a retried join): the reservation is right and stays
            if (!(refused instanceof RuleViolation v && "worker-on-roster-once".equals(v.rule()))) {
                commands.send(new ReleaseRosterDaysCommand(personKey, projectId, request.joinedOn()), actor, request.occurredAt());
            }
            throw refused;
        }
        return personKey;
    }

    private LocalDate today(Instant occurredAt) {
        return BusinessTime.dateOf(occurredAt != null ? occurredAt : clock.instant());
    }
}
