package cn.changdu.labour.training.classes.web;

import cn.changdu.labour.training.plan.api.TrainingCategory;
import cn.changdu.labour.training.plan.api.EmploymentStatus;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.contracts.Counties;
import cn.changdu.labour.support.input.PlannedDate;
import cn.changdu.labour.support.web.ValidResidentId;
import cn.changdu.labour.training.classes.api.*;
import cn.changdu.labour.training.classes.app.Applicant;
import cn.changdu.labour.training.classes.app.Enrolments;
import cn.changdu.labour.training.classes.app.TrainingClasses;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

@RestController
@RequestMapping("/api/training/classes")
public class TrainingClassController {

    private final TrainingClasses classes;
    private final Enrolments enrolments;

    public TrainingClassController(TrainingClasses classes, Enrolments enrolments) {
        this.classes = classes;
        this.enrolments = enrolments;
    }

    // ------------------------------------------------------------------------------------------ filing

    public record LateFilingApproval(@NotBlank @Size(max = 200) String reason, @NotBlank @Size(max = 50) String approver) {
    }

    /** Only the original six fields are required; the rest default (see {@link FileClassCommand}). */
    public record FileClassRequest(
            @NotNull @Pattern(regexp = Counties.PATTERN, message = "须为昌都市所辖县区代码") String countyCode,
            @NotBlank @Size(max = 100) String organiser,
            @NotBlank @Size(max = 50) String trade,
            @Positive @Max(2000) int plannedSize,
            @NotNull @PlannedDate LocalDate startDate,
            @NotNull @PlannedDate LocalDate endDate,
            Instant occurredAt,
            OrganiserType organiserType,
            TrainingCategory category,
            DeliveryMode deliveryMode,
            Boolean orderDirected,
            @Size(max = 100) String employer,
            Boolean generalCurriculum,
            @Positive @Digits(integer = 9, fraction = 2) BigDecimal subsidyStandard,
            @Valid LateFilingApproval lateFilingApproval) {
    }

    public record ClassFiledResponse(String classId) {
    }

    @Operation(summary = "File a training class (开班报备), at least 5 working days before it starts unless a late-filing approval is given")
    @PostMapping
    public ResponseEntity<ClassFiledResponse> fileClass(@Valid @RequestBody FileClassRequest request, Actor actor) {
        LateFilingApproval approval = request.lateFilingApproval();
        String classId = classes.file(new TrainingClasses.NewClass(request.countyCode(), request.organiser(),
                request.trade(), request.plannedSize(), request.startDate(), request.endDate(), request.organiserType(),
                request.category(), request.deliveryMode(), request.orderDirected(), request.employer(),
                request.generalCurriculum(), request.subsidyStandard(), approval == null ? null : approval.reason(),
                approval == null ? null : approval.approver()), actor, request.occurredAt());
        return ResponseEntity.created(URI.create("/api/training/classes/" + classId)).body(new ClassFiledResponse(classId));
    }

    public record ChangePlannedSizeRequest(@Positive @Max(2000) int plannedSize, @NotBlank @Size(max = 200) String reason,
                                           Instant occurredAt) {
    }

    @Operation(summary = "Record a change of a class's planned size (计划人数变更)")
    @PostMapping("/{classId}/planned-size")
    public StepRecordedResponse changePlannedSize(@PathVariable String classId, @Valid @RequestBody ChangePlannedSizeRequest request,
                                      Actor actor) {
        classes.changePlannedSize(classId, request.plannedSize(), request.reason(), actor, request.occurredAt());
        return new StepRecordedResponse(classId, null);
    }

    // ------------------------------------------------------------------------------------------ roster

    public record EnrolTraineeRequest(
            @NotBlank @Size(max = 50) String name,
            @NotBlank @ValidResidentId String residentId,
            @Size(max = 50) String township,
            @Pattern(regexp = "1\\d{10}", message = "须为 11 位手机号") String phone,
            Instant occurredAt,
            @Size(max = 50) String village,
            Boolean registeredPoor,
            @Size(max = 50) String relocationHouseholdId,
            @Size(max = 100) String relocationSite,
            Boolean consolidationTraining,
            @Min(2000) @Max(2100) Integer previousTrainingYear,
            EmploymentStatus employmentStatus) {
    }

    public record TraineeEnrolledResponse(String classId, String personKey) {
    }

    @Operation(summary = "Enrol a trainee by real name (实名报名); checks the class and the person's other classes")
    @PostMapping("/{classId}/trainees")
    public ResponseEntity<TraineeEnrolledResponse> enroll(@PathVariable String classId,
                                                          @Valid @RequestBody EnrolTraineeRequest request, Actor actor) {
        Enrolment enrolment = enrolments.enrol(classId, new Applicant(request.name(), request.residentId(),
                request.township(), request.phone(), request.village(), request.registeredPoor(),
                request.relocationHouseholdId(), request.relocationSite(), request.consolidationTraining(),
                request.previousTrainingYear(), request.employmentStatus()), actor, request.occurredAt());
        return ResponseEntity.status(201).body(new TraineeEnrolledResponse(classId, enrolment.personKey()));
    }

    public record WithdrawRequest(@Size(max = 200) String reason, Instant occurredAt) {
    }

    /** The answer of a step recorded on a class, or on one of its trainees ({@code personKey} null for the class). */
    public record StepRecordedResponse(String classId, String personKey) {
    }

    @Operation(summary = "Withdraw a trainee from a class (退班)")
    @PostMapping("/{classId}/trainees/{personKey}/withdrawal")
    public StepRecordedResponse withdraw(@PathVariable String classId, @PathVariable String personKey,
                             @Valid @RequestBody(required = false) WithdrawRequest request, Actor actor) {
        WithdrawRequest r = request != null ? request : new WithdrawRequest(null, null);
        enrolments.withdraw(classId, personKey, r.reason(), actor, r.occurredAt());
        return new StepRecordedResponse(classId, personKey);
    }

    // ------------------------------------------------------------------------------------------ during the class

    public record AttendanceRequest(@NotNull LocalDate date, @NotNull List<@NotBlank String> presentPersonKeys,
                                    Instant occurredAt) {
    }

    @Operation(summary = "Record the attendance register of one class day (考勤)")
    @PostMapping("/{classId}/attendance")
    public StepRecordedResponse attendance(@PathVariable String classId, @Valid @RequestBody AttendanceRequest request, Actor actor) {
        classes.recordAttendance(classId, request.date(), request.presentPersonKeys(), actor, request.occurredAt());
        return new StepRecordedResponse(classId, null);
    }

    public record InspectionItemRequest(@NotNull InspectionItem item, @NotNull Boolean passed,
                                        @Size(max = 500) String remarks) {
    }

    public record InspectionRequest(@NotBlank @Size(max = 50) String inspector, @NotNull LocalDate inspectedOn,
                                    @NotEmpty List<@Valid InspectionItemRequest> results, Instant occurredAt) {
    }

    @Operation(summary = "Record an inspection of a class on the plan's five items (督导检查)")
    @PostMapping("/{classId}/inspections")
    public ResponseEntity<StepRecordedResponse> inspect(@PathVariable String classId, @Valid @RequestBody InspectionRequest request,
                                            Actor actor) {
        classes.inspect(classId, request.inspector(), request.inspectedOn(), request.results().stream()
                .map(r -> new InspectionResult(r.item(), r.passed(), r.remarks())).toList(), actor, request.occurredAt());
        return ResponseEntity.status(201).body(new StepRecordedResponse(classId, null));
    }

    public record AssessmentRequest(@NotNull Boolean passed, Instant occurredAt) {
    }

    @Operation(summary = "Record a trainee's assessment, passed or not (考核)")
    @PostMapping("/{classId}/trainees/{personKey}/assessment")
    public StepRecordedResponse assess(@PathVariable String classId, @PathVariable String personKey,
                           @Valid @RequestBody AssessmentRequest request, Actor actor) {
        classes.assess(classId, personKey, request.passed(), actor, request.occurredAt());
        return new StepRecordedResponse(classId, personKey);
    }

    public record WhenRequest(Instant occurredAt) {
    }

    @Operation(summary = "Complete a class (结业): needs ≥ 2 inspections, every trainee assessed, the end date reached")
    @PostMapping("/{classId}/completion")
    public StepRecordedResponse complete(@PathVariable String classId, @RequestBody(required = false) WhenRequest request, Actor actor) {
        classes.complete(classId, actor, request == null ? null : request.occurredAt());
        return new StepRecordedResponse(classId, null);
    }

    // ------------------------------------------------------------------------------------------ subsidy

    @Operation(summary = "Claim the training subsidy for a trainee (补贴申领): completed class, passed, attendance threshold, once")
    @PostMapping("/{classId}/trainees/{personKey}/subsidy")
    public StepRecordedResponse claimSubsidy(@PathVariable String classId, @PathVariable String personKey,
                                 @RequestBody(required = false) WhenRequest request, Actor actor) {
        classes.claimSubsidy(classId, personKey, actor, request == null ? null : request.occurredAt());
        return new StepRecordedResponse(classId, personKey);
    }

    @Operation(summary = "Approve a subsidy claim (审批), by someone other than the claimant")
    @PostMapping("/{classId}/trainees/{personKey}/subsidy/approval")
    public StepRecordedResponse approveSubsidy(@PathVariable String classId, @PathVariable String personKey,
                                   @RequestBody(required = false) WhenRequest request, Actor actor) {
        classes.approveSubsidy(classId, personKey, actor, request == null ? null : request.occurredAt());
        return new StepRecordedResponse(classId, personKey);
    }

    public record RejectionRequest(@NotBlank @Size(max = 200) String reason, Instant occurredAt) {
    }

    @Operation(summary = "Reject a subsidy claim with a reason (驳回)")
    @PostMapping("/{classId}/trainees/{personKey}/subsidy/rejection")
    public StepRecordedResponse rejectSubsidy(@PathVariable String classId, @PathVariable String personKey,
                                  @Valid @RequestBody RejectionRequest request, Actor actor) {
        classes.rejectSubsidy(classId, personKey, request.reason(), actor, request.occurredAt());
        return new StepRecordedResponse(classId, personKey);
    }

    @Operation(summary = "Record the payment of an approved subsidy (发放)")
    @PostMapping("/{classId}/trainees/{personKey}/subsidy/payment")
    public StepRecordedResponse paySubsidy(@PathVariable String classId, @PathVariable String personKey,
                               @RequestBody(required = false) WhenRequest request, Actor actor) {
        classes.paySubsidy(classId, personKey, actor, request == null ? null : request.occurredAt());
        return new StepRecordedResponse(classId, personKey);
    }

    // ------------------------------------------------------------------------------------------ after training

    public record RecommendationRequest(@NotBlank @Size(max = 100) String employer, @Size(max = 50) String position,
                                        Instant occurredAt) {
    }

    @Operation(summary = "Record a job recommendation to a qualified trainee (推荐就业)")
    @PostMapping("/{classId}/trainees/{personKey}/recommendations")
    public ResponseEntity<StepRecordedResponse> recommend(@PathVariable String classId, @PathVariable String personKey,
                                              @Valid @RequestBody RecommendationRequest request, Actor actor) {
        classes.recommend(classId, personKey, request.employer(), request.position(), actor, request.occurredAt());
        return ResponseEntity.status(201).body(new StepRecordedResponse(classId, personKey));
    }

    public record FollowUpRequest(@NotNull EmploymentStatus employmentStatus, @Size(max = 100) String employer,
                                  @Size(max = 500) String remarks, Instant occurredAt) {
    }

    @Operation(summary = "Record a follow-up of a qualified trainee with the employment status (跟踪回访)")
    @PostMapping("/{classId}/trainees/{personKey}/follow-ups")
    public ResponseEntity<StepRecordedResponse> followUp(@PathVariable String classId, @PathVariable String personKey,
                                             @Valid @RequestBody FollowUpRequest request, Actor actor) {
        classes.followUp(classId, personKey, request.employmentStatus(), request.employer(), request.remarks(), actor,
                request.occurredAt());
        return ResponseEntity.status(201).body(new StepRecordedResponse(classId, personKey));
    }
}
