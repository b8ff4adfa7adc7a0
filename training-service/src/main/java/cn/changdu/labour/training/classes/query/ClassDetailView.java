package cn.changdu.labour.training.classes.query;

import cn.changdu.labour.contracts.person.ResidentId;
import cn.changdu.labour.support.web.Caller;
import cn.changdu.labour.training.classes.query.TrainingQueries.ClassDetail;
import cn.changdu.labour.training.classes.query.TrainingQueries.Inspection;
import cn.changdu.labour.training.classes.query.TrainingQueries.Subsidy;
import cn.changdu.labour.training.classes.query.TrainingQueries.Trainee;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A class with its trainees, attendance, assessment, inspections, subsidies and after-training work: the summary's
 * fields and then the detail's. Names, resident IDs, phones and birth dates are masked unless the caller may see
 * personal data.
 */
public record ClassDetailView(@JsonUnwrapped ClassSummaryView summary, String organiserType, String employer,
                              Boolean generalCurriculum, String subsidyStandard, String filedOn,
                              LateFilingApprovalView lateFilingApproval, List<InspectionView> inspections,
                              List<TraineeView> trainees) {

    public record LateFilingApprovalView(String reason, String approver, String latestFilingDate) {
    }

    /** An inspection with its items' results, keyed by item, in the order recorded. */
    public record InspectionView(int inspectionNumber, String inspector, String inspectedOn,
                                 Map<String, ItemResultView> items) {
    }

    public record ItemResultView(boolean passed, String remarks) {
    }

    /** {@code attendanceRate} is null while the class has no register. */
    public record TraineeView(String personKey, String name, String residentId, String phone, String sex,
                              String birthDate, String township, String village, Boolean registeredPoor,
                              Boolean consolidationTraining, String status, Boolean passed, long daysPresent,
                              BigDecimal attendanceRate, SubsidyView subsidy, List<RecommendationView> recommendations,
                              List<FollowUpView> followUps) {
    }

    /** The claim's fields that were recorded, in the order they are recorded. */
    public record SubsidyView(String status, String amount, String claimant, String claimedOn,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String approver,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String rejectionReason,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String paidOn) {
    }

    public record RecommendationView(String employer, String position, String recommendedOn) {
    }

    public record FollowUpView(String followedUpOn, String employmentStatus, String employer, String remarks) {
    }

    public static ClassDetailView of(ClassDetail cls, Caller caller) {
        var approval = cls.lateFilingApproval();
        return new ClassDetailView(ClassSummaryView.of(cls.summary()), cls.organiserType(), cls.employer(),
                cls.generalCurriculum(), Texts.plain(cls.subsidyStandard()), Texts.of(cls.filedOn()),
                approval == null ? null : new LateFilingApprovalView(approval.reason(), approval.approver(),
                        Texts.of(approval.latestFilingDate())),
                cls.inspections().stream().map(ClassDetailView::inspection).toList(),
                cls.trainees().stream().map(t -> trainee(t, cls.registerDays(), caller)).toList());
    }

    private static InspectionView inspection(Inspection i) {
        Map<String, ItemResultView> items = new LinkedHashMap<>();
        i.items().forEach(r -> items.put(r.item(), new ItemResultView(r.passed(), r.remarks())));
        return new InspectionView(i.inspectionNumber(), i.inspector(), Texts.of(i.inspectedOn()), items);
    }

    private static TraineeView trainee(Trainee t, int registerDays, Caller caller) {
        long present = t.daysPresent();
        return new TraineeView(t.personKey(), caller.personal(t.name(), Caller::maskName),
                caller.personal(t.residentId(), id -> new ResidentId(id).masked()),
                caller.personal(t.phone(), Caller::maskPhone), t.sex(),
                caller.personal(Texts.of(t.birthDate()), date -> date.substring(0, 4)), t.township(), t.village(),
                t.registeredPoor(), t.consolidationTraining(), t.status(), t.passed(), present,
                registerDays == 0 ? null
                        : BigDecimal.valueOf(present).divide(BigDecimal.valueOf(registerDays), 4, RoundingMode.HALF_UP),
                subsidy(t.subsidy()),
                t.recommendations().stream().map(r -> new RecommendationView(r.employer(), r.position(),
                        Texts.of(r.recommendedOn()))).toList(),
                t.followUps().stream().map(f -> new FollowUpView(Texts.of(f.followedUpOn()), f.employmentStatus(),
                        f.employer(), f.remarks())).toList());
    }

    private static SubsidyView subsidy(Subsidy s) {
        return s == null ? null : new SubsidyView(s.status(), Texts.plain(s.amount()), s.claimant(), Texts.of(s.claimedOn()),
                s.approver(), s.rejectionReason(), Texts.of(s.paidOn()));
    }
}
