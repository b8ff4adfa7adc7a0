package cn.changdu.labour.training.classes.model;

import cn.changdu.labour.training.plan.api.TrainingCategory;

import static cn.changdu.labour.kernel.MetadataKeys.OCCURRED_AT;
import static cn.changdu.labour.kernel.MetadataKeys.ACTOR_ID;
import cn.changdu.labour.kernel.Money;
import cn.changdu.labour.kernel.RuleViolation;
import cn.changdu.labour.training.classes.api.*;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static cn.changdu.labour.kernel.Text.blankToNull;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A training class filed with the county: the consistency boundary for its roster, attendance, inspections,
 * assessment, completion, subsidies and after-training work. Rules that span classes (overlapping dates,
 * duplicate training) live on the person's record ({@code trainee.model.Trainee}).
 */
@Aggregate(cache = "trainingClassCache") // TrainingClassCacheConfiguration: a 2,000-row roster is thousands of events
public class TrainingClass {

    /** Metadata keys (see service-support's AxonStorageConfiguration). */

    @AggregateIdentifier
    private String classId;
    private String countyCode;
    private String trade;
    private TrainingCategory category;
    private boolean orderDirected;
    private boolean generalCurriculum;
    private BigDecimal subsidyStandard;
    private int plannedSize;
    private LocalDate startDate;
    private LocalDate endDate;
    private boolean completed;
    private int inspections;
    private final Map<String, Participant> trainees = new HashMap<>();
    private final Map<LocalDate, Set<String>> attendance = new HashMap<>();
    private final Map<String, Claim> claims = new HashMap<>();

    /** A trainee as the class sees it (a value: replaced, never changed in place; the person's own record is {@code Trainee}). */
    record Participant(boolean active, Boolean passed, int recommendations, int followUps) {
        static final Participant ENROLLED = new Participant(true, null, 0, 0);

        Participant withdrawn() { return new Participant(false, passed, recommendations, followUps); }
        Participant assessed(boolean result) { return new Participant(active, result, recommendations, followUps); }
        Participant recommended(int n) { return new Participant(active, passed, n, followUps); }
        Participant followedUp(int n) { return new Participant(active, passed, recommendations, n); }
    }

    enum ClaimStatus { CLAIMED, APPROVED, REJECTED, PAID }

    record Claim(ClaimStatus status, String claimant, BigDecimal amount) {
        Claim in(ClaimStatus next) { return new Claim(next, claimant, amount); }
    }

    protected TrainingClass() {
        // for Axon
    }

    // ---------------------------------------------------------------- filing

    @CommandHandler
    public TrainingClass(FileClassCommand command, TrainingPolicy policy,
                         @MetaDataValue(OCCURRED_AT) String occurredAt, @MetaDataValue(ACTOR_ID) String actorId) {
        if (command.endDate().isBefore(command.startDate())) {
            throw new RuleViolation("class-ends-after-it-starts", "endDate", "结束日期不能早于开班日期");
        }
        TrainingCategory catalogued = policy.categoryOf(command.trade()).orElseThrow(() -> new RuleViolation(
                "trade-in-catalogue", "trade", "工种\"" + command.trade() + "\"不在培训工种目录中"));
        if (command.orderDirected() && isBlank(command.employer())) {
            throw new RuleViolation("order-directed-names-employer", "employer", "订单定向式培训须注明用工企业");
        }
        if (command.subsidyStandard() != null && !Money.isPositiveToTheFen(command.subsidyStandard())) {
            throw new RuleViolation("subsidy-standard-to-the-fen", "subsidyStandard", "补贴标准须为正数，最多两位小数");
        }
        LocalDate filedOn = policy.businessDate(occurredAt);
        LocalDate latest = policy.latestFilingDate(command.startDate());
        boolean late = filedOn.isAfter(latest);
        if (late) {
            if (isBlank(command.lateFilingReason()) || isBlank(command.lateFilingApprover())) {
                throw new RuleViolation("class-filed-5-working-days-before-start", "startDate",
                        "须在开班前至少 " + policy.filingWorkingDays() + " 个工作日报备（最迟 " + latest + "），"
                                + "逾期报备须登记审批理由和审批人");
            }
            if (command.lateFilingApprover().strip().equals(actorId)) {
                throw new RuleViolation("late-filing-approved-by-another", "lateFilingApprover",
                        "逾期报备的审批人不能是报备人本人");
            }
        }
        apply(new ClassFiledEvent(command.classId(), command.countyCode(), command.organiser(), command.trade().strip(),
                command.plannedSize(), command.startDate(), command.endDate(),
                command.organiserType() != null ? command.organiserType() : OrganiserType.INSTITUTION,
                command.category() != null ? command.category() : catalogued,
                command.deliveryMode() != null ? command.deliveryMode() : DeliveryMode.VILLAGE,
                command.orderDirected(), blankToNull(command.employer()), command.generalCurriculum(),
                command.subsidyStandard() != null ? Money.yuanToTheFen(command.subsidyStandard()) : null, filedOn, latest));
        if (late) {
            apply(new LateFilingApprovedEvent(command.classId(), command.countyCode(), command.lateFilingReason().strip(),
                    command.lateFilingApprover().strip(), command.startDate(), filedOn, latest));
        }
    }

    @CommandHandler
    public void handle(ChangePlannedSizeCommand command) {
        requireOpen();
        if (isBlank(command.reason())) {
            throw new RuleViolation("planned-size-change-has-reason", "reason", "变更计划人数须说明理由");
        }
        if (command.plannedSize() < activeTrainees()) {
            throw new RuleViolation("planned-size-not-below-enrolled", "plannedSize",
                    "计划人数不能少于已报名人数 " + activeTrainees());
        }
        apply(new PlannedSizeChangedEvent(classId, countyCode, plannedSize, command.plannedSize(), command.reason().strip()));
    }

    // ---------------------------------------------------------------- roster

    @CommandHandler
    public ClassFacts handle(EnrolTraineeCommand command) {
        Participant existing = trainees.get(command.personKey());
        RosterRules.requireNotEnrolled(existing != null && existing.active());
        requireOpen();
        RosterRules.requireSeat(activeTrainees(), plannedSize);
        apply(new TraineeEnrolledEvent(classId, command.personKey(), command.name(), command.residentId(),
                command.township(), command.phone(), countyCode, trade, command.village(), command.registeredPoor(),
                command.relocationHouseholdId(), command.relocationSite(), command.consolidationTraining(),
                command.birthDate(), command.sex()));
        return new ClassFacts(classId, countyCode, trade, category, orderDirected, startDate, endDate);
    }

    @CommandHandler
    public void handle(WithdrawTraineeCommand command, TrainingPolicy policy, @MetaDataValue(OCCURRED_AT) String occurredAt) {
        Participant trainee = activeTrainee(command.personKey());
        requireOpen();
        if (trainee.passed() != null) {
            throw new RuleViolation("no-withdrawal-after-assessment", "personKey", "学员已参加考核，不能退班");
        }
        apply(new TraineeWithdrawnEvent(classId, command.personKey(), countyCode, blankToNull(command.reason()),
                policy.businessDate(occurredAt)));
    }

    // ---------------------------------------------------------------- attendance, inspection, assessment

    @CommandHandler
    public void handle(RecordAttendanceCommand command) {
        requireOpen();
        requireWithinClassDates(command.date(), "attendance-within-class-dates", "date", "考勤日期须在培训期内");
        Set<String> present = new HashSet<>(command.presentPersonKeys());
        for (String key : present) {
            Participant trainee = trainees.get(key);
            if (trainee == null || !trainee.active()) {
                throw new RuleViolation("attendance-of-enrolled-trainees", "presentPersonKeys",
                        "考勤名单中有未在本班报名的人员：" + key);
            }
        }
        List<String> absent = trainees.entrySet().stream().filter(e -> e.getValue().active() && !present.contains(e.getKey()))
                .map(Map.Entry::getKey).sorted().toList();
        apply(new AttendanceRecordedEvent(classId, countyCode, command.date(), present.stream().sorted().toList(), absent));
    }

    @CommandHandler
    public void handle(InspectClassCommand command) {
        if (isBlank(command.inspector())) {
            throw new RuleViolation("inspection-names-inspector", "inspector", "须注明督导检查人");
        }
        requireWithinClassDates(command.inspectedOn(), "inspection-within-class-dates", "inspectedOn",
                "检查日期须在培训期内（" + startDate + " 至 " + endDate + "）");
        EnumSet<InspectionItem> covered = EnumSet.noneOf(InspectionItem.class);
        for (InspectionResult result : command.results()) {
            if (result.item() == null || !covered.add(result.item())) {
                throw new RuleViolation("inspection-covers-five-items", "results", "检查项目重复或为空");
            }
        }
        if (covered.size() != InspectionItem.values().length) {
            throw new RuleViolation("inspection-covers-five-items", "results",
                    "检查须覆盖全部五项：办学合规、学员出勤、教学设备、技能掌握、安全管理");
        }
        apply(new ClassInspectedEvent(classId, countyCode, inspections + 1, command.inspector().strip(),
                command.inspectedOn(), List.copyOf(command.results())));
    }

    @CommandHandler
    public void handle(AssessTraineeCommand command, TrainingPolicy policy, @MetaDataValue(OCCURRED_AT) String occurredAt) {
        activeTrainee(command.personKey());
        requireOpen();
        apply(new TraineeAssessedEvent(classId, command.personKey(), countyCode, command.passed(),
                policy.businessDate(occurredAt)));
    }

    @CommandHandler
    public void handle(CompleteClassCommand command, TrainingPolicy policy, @MetaDataValue(OCCURRED_AT) String occurredAt) {
        requireOpen();
        if (inspections < policy.minimumInspections()) {
            throw new RuleViolation("class-inspected-at-least-twice", null,
                    "每个班至少督导检查 " + policy.minimumInspections() + " 次，本班仅 " + inspections + " 次，不能结业");
        }
        LocalDate completedOn = policy.businessDate(occurredAt);
        if (completedOn.isBefore(endDate)) {
            throw new RuleViolation("class-completed-after-it-ends", null, "培训结束（" + endDate + "）后才能结业");
        }
        long unassessed = trainees.values().stream().filter(t -> t.active() && t.passed() == null).count();
        if (unassessed > 0) {
            throw new RuleViolation("every-trainee-assessed", null, "还有 " + unassessed + " 名学员未考核，不能结业");
        }
        int active = activeTrainees();
        int passed = (int) trainees.values().stream().filter(t -> t.active() && Boolean.TRUE.equals(t.passed())).count();
        BigDecimal rate = active == 0 ? BigDecimal.ZERO.setScale(4)
                : BigDecimal.valueOf(passed).divide(BigDecimal.valueOf(active), 4, RoundingMode.HALF_UP);
        apply(new ClassCompletedEvent(classId, countyCode, trade, category, orderDirected, endDate, completedOn, active,
                passed, rate, inspections));
    }

    // ---------------------------------------------------------------- subsidy

    @CommandHandler
    public void handle(ClaimSubsidyCommand command, TrainingPolicy policy,
                       @MetaDataValue(OCCURRED_AT) String occurredAt, @MetaDataValue(ACTOR_ID) String actorId) {
        Participant trainee = activeTrainee(command.personKey());
        if (!completed) {
            throw new RuleViolation("subsidy-after-completion", null, "班级结业后才能申领培训补贴");
        }
        if (!Boolean.TRUE.equals(trainee.passed())) {
            throw new RuleViolation("subsidy-only-for-passed-trainees", "personKey", "考核合格的学员才能申领补贴");
        }
        BigDecimal rate = attendanceRate(command.personKey());
        if (rate.compareTo(policy.attendanceThreshold()) < 0) {
            throw new RuleViolation("subsidy-attendance-threshold", "personKey",
                    "出勤率 " + rate.movePointRight(2).stripTrailingZeros().toPlainString() + "% 低于补贴要求的 "
                            + policy.attendanceThreshold().movePointRight(2).stripTrailingZeros().toPlainString() + "%");
        }
        Claim claim = claims.get(command.personKey());
        if (claim != null && claim.status() != ClaimStatus.REJECTED) {
            throw new RuleViolation("subsidy-once-per-person-per-class", "personKey", "此人本班培训补贴已申领，不能重复申领");
        }
        if (subsidyStandard == null) {
            throw new RuleViolation("subsidy-standard-filed", null, "本班未报备补贴标准，不能申领");
        }
        BigDecimal amount = subsidyAmount(policy);
        apply(new SubsidyClaimedEvent(classId, command.personKey(), countyCode, amount, actorId,
                policy.businessDate(occurredAt)));
    }

    @CommandHandler
    public void handle(ApproveSubsidyCommand command, TrainingPolicy policy,
                       @MetaDataValue(OCCURRED_AT) String occurredAt, @MetaDataValue(ACTOR_ID) String actorId) {
        Claim claim = claimIn(command.personKey(), ClaimStatus.CLAIMED);
        requireOtherThanClaimant(claim, actorId);
        apply(new SubsidyApprovedEvent(classId, command.personKey(), countyCode, claim.amount(), actorId,
                policy.businessDate(occurredAt)));
    }

    @CommandHandler
    public void handle(RejectSubsidyCommand command, TrainingPolicy policy,
                       @MetaDataValue(OCCURRED_AT) String occurredAt, @MetaDataValue(ACTOR_ID) String actorId) {
        Claim claim = claimIn(command.personKey(), ClaimStatus.CLAIMED);
        requireOtherThanClaimant(claim, actorId);
        if (isBlank(command.reason())) {
            throw new RuleViolation("subsidy-rejection-has-reason", "reason", "驳回须说明理由");
        }
        apply(new SubsidyRejectedEvent(classId, command.personKey(), countyCode, claim.amount(), actorId,
                command.reason().strip(), policy.businessDate(occurredAt)));
    }

    @CommandHandler
    public void handle(PaySubsidyCommand command, TrainingPolicy policy, @MetaDataValue(OCCURRED_AT) String occurredAt) {
        Claim claim = claimIn(command.personKey(), ClaimStatus.APPROVED);
        apply(new SubsidyPaidEvent(classId, command.personKey(), countyCode, claim.amount(), policy.businessDate(occurredAt)));
    }

    // ---------------------------------------------------------------- after training

    @CommandHandler
    public void handle(RecommendJobCommand command, TrainingPolicy policy, @MetaDataValue(OCCURRED_AT) String occurredAt) {
        Participant trainee = qualifiedTrainee(command.personKey());
        if (isBlank(command.employer())) {
            throw new RuleViolation("recommendation-names-employer", "employer", "须注明推荐的用工单位");
        }
        apply(new JobRecommendedEvent(classId, command.personKey(), countyCode, command.employer().strip(),
                blankToNull(command.position()), policy.businessDate(occurredAt), trainee.recommendations() + 1, endDate));
    }

    @CommandHandler
    public void handle(RecordFollowUpCommand command, TrainingPolicy policy, @MetaDataValue(OCCURRED_AT) String occurredAt) {
        Participant trainee = qualifiedTrainee(command.personKey());
        if (command.employmentStatus() == null) {
            throw new RuleViolation("follow-up-records-employment-status", "employmentStatus", "回访须登记就业状态");
        }
        apply(new FollowUpRecordedEvent(classId, command.personKey(), countyCode, policy.businessDate(occurredAt),
                trainee.followUps() + 1, command.employmentStatus(), blankToNull(command.employer()),
                blankToNull(command.remarks()), endDate));
    }

    // ---------------------------------------------------------------- state

    @EventSourcingHandler
    void on(ClassFiledEvent event) {
        classId = event.classId();
        countyCode = event.countyCode();
        trade = event.trade();
        category = event.category();
        orderDirected = event.orderDirected();
        generalCurriculum = !Boolean.FALSE.equals(event.generalCurriculum());
        subsidyStandard = event.subsidyStandard();
        plannedSize = event.plannedSize();
        startDate = event.startDate();
        endDate = event.endDate();
    }

    @EventSourcingHandler
    void on(PlannedSizeChangedEvent event) {
        plannedSize = event.plannedSize();
    }

    @EventSourcingHandler
    void on(TraineeEnrolledEvent event) {
        trainees.put(event.personKey(), Participant.ENROLLED);
    }

    @EventSourcingHandler
    void on(TraineeWithdrawnEvent event) {
        trainees.computeIfPresent(event.personKey(), (k, t) -> t.withdrawn());
    }

    @EventSourcingHandler
    void on(AttendanceRecordedEvent event) {
        attendance.put(event.date(), new HashSet<>(event.present()));
    }

    @EventSourcingHandler
    void on(ClassInspectedEvent event) {
        inspections = event.inspectionNumber();
    }

    @EventSourcingHandler
    void on(TraineeAssessedEvent event) {
        trainees.computeIfPresent(event.personKey(), (k, t) -> t.assessed(event.passed()));
    }

    @EventSourcingHandler
    void on(ClassCompletedEvent event) {
        completed = true;
    }

    @EventSourcingHandler
    void on(SubsidyClaimedEvent event) {
        claims.put(event.personKey(), new Claim(ClaimStatus.CLAIMED, event.claimant(), event.amount()));
    }

    @EventSourcingHandler
    void on(SubsidyApprovedEvent event) {
        claims.computeIfPresent(event.personKey(), (k, c) -> c.in(ClaimStatus.APPROVED));
    }

    @EventSourcingHandler
    void on(SubsidyRejectedEvent event) {
        claims.computeIfPresent(event.personKey(), (k, c) -> c.in(ClaimStatus.REJECTED));
    }

    @EventSourcingHandler
    void on(SubsidyPaidEvent event) {
        claims.computeIfPresent(event.personKey(), (k, c) -> c.in(ClaimStatus.PAID));
    }

    @EventSourcingHandler
    void on(JobRecommendedEvent event) {
        trainees.computeIfPresent(event.personKey(), (k, t) -> t.recommended(event.recommendationNumber()));
    }

    @EventSourcingHandler
    void on(FollowUpRecordedEvent event) {
        trainees.computeIfPresent(event.personKey(), (k, t) -> t.followedUp(event.followUpNumber()));
    }

    // ---------------------------------------------------------------- helpers

    /** Days present / class days with a register; 1 when no register was kept. */
    BigDecimal attendanceRate(String personKey) {
        if (attendance.isEmpty()) {
            return BigDecimal.ONE;
        }
        long present = attendance.values().stream().filter(p -> p.contains(personKey)).count();
        return BigDecimal.valueOf(present).divide(BigDecimal.valueOf(attendance.size()), 4, RoundingMode.HALF_UP);
    }

    private BigDecimal subsidyAmount(TrainingPolicy policy) {
        return generalCurriculum ? subsidyStandard.add(policy.generalCurriculumAddOn()) : subsidyStandard;
    }

    private int activeTrainees() {
        return (int) trainees.values().stream().filter(t -> t.active()).count();
    }

    private void requireOpen() {
        if (completed) {
            throw new RuleViolation("class-not-completed", null, "班级已结业，不能再修改");
        }
    }

    private void requireWithinClassDates(LocalDate date, String rule, String field, String message) {
        if (date == null || date.isBefore(startDate) || date.isAfter(endDate)) {
            throw new RuleViolation(rule, field, message);
        }
    }

    private Participant activeTrainee(String personKey) {
        Participant trainee = trainees.get(personKey);
        if (trainee == null || !trainee.active()) {
            throw new RuleViolation("trainee-enrolled-in-class", "personKey", "此人不在本班学员名单中");
        }
        return trainee;
    }

    private Participant qualifiedTrainee(String personKey) {
        Participant trainee = activeTrainee(personKey);
        if (!Boolean.TRUE.equals(trainee.passed())) {
            throw new RuleViolation("after-training-for-qualified-trainees", "personKey",
                    "推荐就业和跟踪回访针对考核合格的学员");
        }
        return trainee;
    }

    private Claim claimIn(String personKey, ClaimStatus expected) {
        Claim claim = claims.get(personKey);
        if (claim == null || claim.status() != expected) {
            throw new RuleViolation("subsidy-claim-" + expected.name().toLowerCase(), "personKey",
                    expected == ClaimStatus.CLAIMED ? "没有待审批的补贴申领" : "补贴尚未审批通过，不能发放");
        }
        return claim;
    }

    private static void requireOtherThanClaimant(Claim claim, String actorId) {
        if (claim.claimant() != null && claim.claimant().equals(actorId)) {
            throw new RuleViolation("subsidy-approved-by-another", null, "补贴申领人不能审批自己的申领");
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

}
