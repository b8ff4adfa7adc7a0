package cn.changdu.labour.contracts;

import cn.changdu.labour.contracts.employment.WorkerPlaced;
import cn.changdu.labour.contracts.projectlabor.ProjectRegistered;
import cn.changdu.labour.contracts.projectlabor.WagePaid;
import cn.changdu.labour.contracts.training.ClassFiled;
import cn.changdu.labour.contracts.training.TraineeEnrolled;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The registry of every integration event type: the one place a new type (or version) is added. */
public final class EventTypes {

    public static final List<Class<? extends IntegrationEvent>> ALL = List.of(
            ClassFiled.class,
            TraineeEnrolled.class,
            cn.changdu.labour.contracts.training.LateFilingApproved.class,
            cn.changdu.labour.contracts.training.PlannedSizeChanged.class,
            cn.changdu.labour.contracts.training.PersonEnrolled.class,
            cn.changdu.labour.contracts.training.TraineeWithdrawn.class,
            cn.changdu.labour.contracts.training.AttendanceRecorded.class,
            cn.changdu.labour.contracts.training.ClassInspected.class,
            cn.changdu.labour.contracts.training.TraineeAssessed.class,
            cn.changdu.labour.contracts.training.ClassCompleted.class,
            cn.changdu.labour.contracts.training.SubsidyClaimed.class,
            cn.changdu.labour.contracts.training.SubsidyApproved.class,
            cn.changdu.labour.contracts.training.SubsidyRejected.class,
            cn.changdu.labour.contracts.training.SubsidyPaid.class,
            cn.changdu.labour.contracts.training.JobRecommended.class,
            cn.changdu.labour.contracts.training.FollowUpRecorded.class,
            cn.changdu.labour.contracts.training.DuplicateTrainingAttempted.class,
            WorkerPlaced.class,
            cn.changdu.labour.contracts.employment.PlacementDetailsRecorded.class,
            cn.changdu.labour.contracts.employment.EmploymentVerified.class,
            cn.changdu.labour.contracts.employment.EmploymentVerificationOverdue.class,
            cn.changdu.labour.contracts.employment.EmploymentEnded.class,
            cn.changdu.labour.contracts.employment.IncomeReported.class,
            cn.changdu.labour.contracts.employment.JobPostingPublished.class,
            cn.changdu.labour.contracts.employment.JobPostingFilled.class,
            cn.changdu.labour.contracts.employment.JobPostingWithdrawn.class,
            cn.changdu.labour.contracts.employment.LabourIntermediaryRecognised.class,
            cn.changdu.labour.contracts.employment.LabourIntermediarySuspended.class,
            cn.changdu.labour.contracts.employment.OutOfRegionSubsidyGranted.class,
            cn.changdu.labour.contracts.employment.OutOfRegionSubsidyRejected.class,
            cn.changdu.labour.contracts.employment.IntermediarySubsidyGranted.class,
            cn.changdu.labour.contracts.employment.RelocatedHouseholdRegistered.class,
            cn.changdu.labour.contracts.employment.UrbanEmploymentRegistered.class,
            cn.changdu.labour.contracts.employment.UnemploymentRegistered.class,
            cn.changdu.labour.contracts.employment.UnemploymentEnded.class,
            cn.changdu.labour.contracts.employment.UrbanLabourForceBaseSet.class,
            cn.changdu.labour.contracts.employment.JobFairHeld.class,
            ProjectRegistered.class,
            WagePaid.class,
            cn.changdu.labour.contracts.projectlabor.ProjectUpdated.class,
            cn.changdu.labour.contracts.projectlabor.ProjectClosed.class,
            cn.changdu.labour.contracts.projectlabor.LabourFilingSubmitted.class,
            cn.changdu.labour.contracts.projectlabor.WorkerJoinedProject.class,
            cn.changdu.labour.contracts.projectlabor.WorkerLeftProject.class,
            cn.changdu.labour.contracts.projectlabor.LocalLabourShareBelowTarget.class,
            cn.changdu.labour.contracts.projectlabor.LocalLabourShareRecovered.class,
            cn.changdu.labour.contracts.projectlabor.PayrollSubmitted.class,
            cn.changdu.labour.contracts.projectlabor.WageArrearsDetected.class,
            cn.changdu.labour.contracts.projectlabor.WageArrearsChanged.class,
            cn.changdu.labour.contracts.projectlabor.WageArrearsCleared.class,
            cn.changdu.labour.contracts.projectlabor.LabourDisputeFiled.class,
            cn.changdu.labour.contracts.projectlabor.LabourDisputeResolved.class);

    private static final Map<String, Class<? extends IntegrationEvent>> BY_KEY = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(c -> key(typeOf(c).name(), typeOf(c).version()), Function.identity()));

    private EventTypes() {
    }

    public static EventType typeOf(Class<?> payloadClass) {
        EventType type = payloadClass.getAnnotation(EventType.class);
        if (type == null) {
            throw new IllegalArgumentException(payloadClass.getName() + " is not annotated with @EventType");
        }
        return type;
    }

    /** The payload class of a type name and version, empty when this build does not know it. */
    public static Optional<Class<? extends IntegrationEvent>> payloadClass(String type, int version) {
        return Optional.ofNullable(BY_KEY.get(key(type, version)));
    }

    private static String key(String type, int version) {
        return type + "/v" + version;
    }
}
