package cn.changdu.labour.projectlabor.project.web;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.contracts.Counties;
import cn.changdu.labour.projectlabor.project.api.DisputeCategory;
import cn.changdu.labour.projectlabor.project.api.DisputeOutcome;
import cn.changdu.labour.projectlabor.project.api.PaymentChannel;
import cn.changdu.labour.projectlabor.project.api.ProjectDetails;
import cn.changdu.labour.projectlabor.project.app.Projects;
import cn.changdu.labour.support.input.PlannedDate;
import cn.changdu.labour.support.web.ValidResidentId;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

@RestController
@RequestMapping("/api/projects")
public class ProjectController {

    private final Projects projects;

    public ProjectController(Projects projects) {
        this.projects = projects;
    }

    /** The original fields, then optional particulars (older clients leave them out). */
    public record RegisterProjectRequest(
            @NotBlank @Size(max = 200) String name,
            @NotNull @Pattern(regexp = Counties.PATTERN, message = "须为昌都市所辖县区代码") String countyCode,
            @NotBlank @Size(max = 50) String department,
            boolean governmentInvested,
            @Positive @Max(100_000) int plannedWorkforce,
            Instant occurredAt,
            @Size(max = 200) String contractor,
            List<@NotBlank @Size(max = 200) String> subcontractors,
            @PlannedDate LocalDate startDate,
            @PlannedDate LocalDate plannedEndDate,
            @Size(max = 200) String wageAccount,
            @Min(1) @Max(28) Integer wagePayDay) {

        ProjectDetails details() {
            return new ProjectDetails(contractor, subcontractors == null ? List.of() : List.copyOf(subcontractors),
                    startDate, plannedEndDate, wageAccount, wagePayDay);
        }
    }

    public record ProjectRegisteredResponse(String projectId) {
    }

    @Operation(summary = "Register a construction project (工程项目登记)")
    @PostMapping
    public ResponseEntity<ProjectRegisteredResponse> register(@Valid @RequestBody RegisterProjectRequest request,
                                                              Actor actor) {
        String projectId = projects.register(request.name(), request.countyCode(), request.department(),
                request.governmentInvested(), request.plannedWorkforce(), request.details(), actor, request.occurredAt());
        return ResponseEntity.created(URI.create("/api/projects/" + projectId)).body(new ProjectRegisteredResponse(projectId));
    }

    public record UpdateProjectRequest(
            @NotBlank @Size(max = 200) String name,
            boolean governmentInvested,
            @Positive @Max(100_000) int plannedWorkforce,
            @Size(max = 200) String contractor,
            List<@NotBlank @Size(max = 200) String> subcontractors,
            @PlannedDate LocalDate startDate,
            @PlannedDate LocalDate plannedEndDate,
            @Size(max = 200) String wageAccount,
            @Min(1) @Max(28) Integer wagePayDay,
            Instant occurredAt) {

        ProjectDetails details() {
            return new ProjectDetails(contractor, subcontractors == null ? List.of() : List.copyOf(subcontractors),
                    startDate, plannedEndDate, wageAccount, wagePayDay);
        }
    }

    @Operation(summary = "Update a project's particulars (项目信息变更); county and department stay")
    @PutMapping("/{projectId}")
    public ResponseEntity<Void> update(@PathVariable String projectId, @Valid @RequestBody UpdateProjectRequest request,
                                       Actor actor) {
        projects.update(projectId, request.name(), request.governmentInvested(), request.plannedWorkforce(),
                request.details(), actor, request.occurredAt());
        return ResponseEntity.noContent().build();
    }

    public record CloseProjectRequest(@NotNull LocalDate closedOn, Instant occurredAt) {
    }

    @Operation(summary = "Close a project (项目完工关闭); every worker must have left")
    @PostMapping("/{projectId}/close")
    public ResponseEntity<Void> close(@PathVariable String projectId, @Valid @RequestBody CloseProjectRequest request,
                                      Actor actor) {
        projects.close(projectId, request.closedOn(), actor, request.occurredAt());
        return ResponseEntity.noContent().build();
    }

    public record LabourFilingRequest(@NotBlank @Size(max = 100) String hrOffice, @Size(max = 100) String reference,
                                      LocalDate filedOn, Instant occurredAt) {
    }

    public record LabourFilingSubmittedResponse(String filingId) {
    }

    @Operation(summary = "File the real-name labour statistics with HR (劳动用工实名统计备案)")
    @PostMapping("/{projectId}/labour-filings")
    public ResponseEntity<LabourFilingSubmittedResponse> fileLabour(@PathVariable String projectId,
                                                                    @Valid @RequestBody LabourFilingRequest request,
                                                                    Actor actor) {
        String filingId = projects.fileLabour(projectId, request.hrOffice(), request.reference(), request.filedOn(),
                actor, request.occurredAt());
        return ResponseEntity.status(201).body(new LabourFilingSubmittedResponse(filingId));
    }

    public record PayWageRequest(
            @NotBlank @Size(max = 50) String name,
            @NotBlank @ValidResidentId String residentId,
            @NotNull YearMonth period,
            @NotNull @Positive @Digits(integer = 9, fraction = 2, message = "须为金额（元），最多两位小数") BigDecimal amount,
            @NotNull LocalDate paidOn,
            Instant occurredAt,
            PaymentChannel channel) {
    }

    public record WagePaidResponse(String paymentId, String personKey) {
    }

    @Operation(summary = "Record a wage payment to a worker for a pay period (工资发放); a worker not on the roster is "
            + "recorded as paid off-roster")
    @PostMapping("/{projectId}/wages")
    public ResponseEntity<WagePaidResponse> payWage(@PathVariable String projectId,
                                                    @Valid @RequestBody PayWageRequest request, Actor actor) {
        Projects.WagePaid paid = projects.payWage(projectId, request.name(), request.residentId(), request.period(),
                request.amount(), request.paidOn(), request.channel(), actor, request.occurredAt());
        return ResponseEntity.status(201).body(new WagePaidResponse(paid.paymentId(), paid.personKey()));
    }

    public record FileDisputeRequest(
            @Size(max = 50) String name,
            @ValidResidentId String residentId,
            @NotNull DisputeCategory category,
            @Positive @Digits(integer = 9, fraction = 2, message = "须为金额（元），最多两位小数") BigDecimal claimedAmount,
            @Size(max = 1000) String description,
            LocalDate filedOn,
            Instant occurredAt) {
    }

    public record DisputeFiledResponse(String disputeId) {
    }

    @Operation(summary = "File a labour dispute on the project (劳动争议登记); without a resident ID it is collective")
    @PostMapping("/{projectId}/disputes")
    public ResponseEntity<DisputeFiledResponse> fileDispute(@PathVariable String projectId,
                                                            @Valid @RequestBody FileDisputeRequest request, Actor actor) {
        String disputeId = projects.fileDispute(projectId, request.name(), request.residentId(), request.category(),
                request.claimedAmount(), request.description(), request.filedOn(), actor, request.occurredAt());
        return ResponseEntity.status(201).body(new DisputeFiledResponse(disputeId));
    }

    public record ResolveDisputeRequest(
            @NotNull DisputeOutcome outcome,
            @Digits(integer = 9, fraction = 2, message = "须为金额（元），最多两位小数") BigDecimal awardedAmount,
            @Size(max = 1000) String note,
            LocalDate resolvedOn,
            Instant occurredAt) {
    }

    @Operation(summary = "Record how a labour dispute ended (劳动争议处理结果)")
    @PostMapping("/{projectId}/disputes/{disputeId}/resolution")
    public ResponseEntity<Void> resolveDispute(@PathVariable String projectId, @PathVariable String disputeId,
                                               @Valid @RequestBody ResolveDisputeRequest request, Actor actor) {
        projects.resolveDispute(projectId, disputeId, request.outcome(), request.awardedAmount(), request.note(),
                request.resolvedOn(), actor, request.occurredAt());
        return ResponseEntity.noContent().build();
    }
}
