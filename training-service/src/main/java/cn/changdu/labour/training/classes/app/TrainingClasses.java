package cn.changdu.labour.training.classes.app;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.support.commands.DomainCommands;
import cn.changdu.labour.training.classes.api.ApproveSubsidyCommand;
import cn.changdu.labour.training.classes.api.AssessTraineeCommand;
import cn.changdu.labour.training.classes.api.ChangePlannedSizeCommand;
import cn.changdu.labour.training.classes.api.ClaimSubsidyCommand;
import cn.changdu.labour.training.classes.api.CompleteClassCommand;
import cn.changdu.labour.training.classes.api.DeliveryMode;
import cn.changdu.labour.training.classes.api.FileClassCommand;
import cn.changdu.labour.training.classes.api.InspectClassCommand;
import cn.changdu.labour.training.classes.api.InspectionResult;
import cn.changdu.labour.training.classes.api.OrganiserType;
import cn.changdu.labour.training.classes.api.PaySubsidyCommand;
import cn.changdu.labour.training.classes.api.RecommendJobCommand;
import cn.changdu.labour.training.classes.api.RecordAttendanceCommand;
import cn.changdu.labour.training.classes.api.RecordFollowUpCommand;
import cn.changdu.labour.training.classes.api.RejectSubsidyCommand;
import cn.changdu.labour.training.plan.api.EmploymentStatus;
import cn.changdu.labour.training.plan.api.TrainingCategory;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A class's life on behalf of an actor, one command each: filing, planned-size changes, attendance, inspections,
 * assessment, completion, the subsidy steps and after-training work (enrolment is {@link Enrolments}). The class
 * decides; {@code occurredAt} is when it happened (now when null).
 */
@Service
public class TrainingClasses {

    private final DomainCommands commands;

    public TrainingClasses(DomainCommands commands) {
        this.commands = commands;
    }

    /**
     * A class to file; the optional values default in the class (see {@link FileClassCommand}), a late filing
     * names its reason and approver.
     */
    public record NewClass(String countyCode, String organiser, String trade, int plannedSize, LocalDate startDate,
                           LocalDate endDate, OrganiserType organiserType, TrainingCategory category,
                           DeliveryMode deliveryMode, Boolean orderDirected, String employer, Boolean generalCurriculum,
                           BigDecimal subsidyStandard, String lateFilingReason, String lateFilingApprover) {
    }

    /** Files a class; its new id is the answer. */
    public String file(NewClass c, Actor actor, Instant occurredAt) {
        String classId = UUID.randomUUID().toString();
        commands.send(new FileClassCommand(classId, c.countyCode(), c.organiser().strip(), c.trade().strip(),
                c.plannedSize(), c.startDate(), c.endDate(), c.organiserType(), c.category(), c.deliveryMode(),
                Boolean.TRUE.equals(c.orderDirected()), c.employer(), !Boolean.FALSE.equals(c.generalCurriculum()),
                c.subsidyStandard(), c.lateFilingReason(), c.lateFilingApprover()), actor, occurredAt);
        return classId;
    }

    public void changePlannedSize(String classId, int plannedSize, String reason, Actor actor, Instant occurredAt) {
        commands.send(new ChangePlannedSizeCommand(classId, plannedSize, reason), actor, occurredAt);
    }

    public void recordAttendance(String classId, LocalDate date, List<String> presentPersonKeys, Actor actor,
                                 Instant occurredAt) {
        commands.send(new RecordAttendanceCommand(classId, date, presentPersonKeys), actor, occurredAt);
    }

    public void inspect(String classId, String inspector, LocalDate inspectedOn, List<InspectionResult> results,
                        Actor actor, Instant occurredAt) {
        commands.send(new InspectClassCommand(classId, inspector, inspectedOn, results), actor, occurredAt);
    }

    public void assess(String classId, String personKey, boolean passed, Actor actor, Instant occurredAt) {
        commands.send(new AssessTraineeCommand(classId, personKey, passed), actor, occurredAt);
    }

    public void complete(String classId, Actor actor, Instant occurredAt) {
        commands.send(new CompleteClassCommand(classId), actor, occurredAt);
    }

    public void claimSubsidy(String classId, String personKey, Actor actor, Instant occurredAt) {
        commands.send(new ClaimSubsidyCommand(classId, personKey), actor, occurredAt);
    }

    public void approveSubsidy(String classId, String personKey, Actor actor, Instant occurredAt) {
        commands.send(new ApproveSubsidyCommand(classId, personKey), actor, occurredAt);
    }

    public void rejectSubsidy(String classId, String personKey, String reason, Actor actor, Instant occurredAt) {
        commands.send(new RejectSubsidyCommand(classId, personKey, reason), actor, occurredAt);
    }

    public void paySubsidy(String classId, String personKey, Actor actor, Instant occurredAt) {
        commands.send(new PaySubsidyCommand(classId, personKey), actor, occurredAt);
    }

    public void recommend(String classId, String personKey, String employer, String position, Actor actor,
                          Instant occurredAt) {
        commands.send(new RecommendJobCommand(classId, personKey, employer, position), actor, occurredAt);
    }

    public void followUp(String classId, String personKey, EmploymentStatus employmentStatus, String employer,
                         String remarks, Actor actor, Instant occurredAt) {
        commands.send(new RecordFollowUpCommand(classId, personKey, employmentStatus, employer, remarks), actor,
                occurredAt);
    }
}
