package cn.changdu.labour.reporting.projection;

import cn.changdu.labour.contracts.IntegrationEvent;
import cn.changdu.labour.contracts.employment.IntermediarySubsidyGranted;
import cn.changdu.labour.contracts.employment.JobFairHeld;
import cn.changdu.labour.contracts.employment.JobPostingFilled;
import cn.changdu.labour.contracts.employment.JobPostingWithdrawn;
import cn.changdu.labour.contracts.employment.LabourIntermediaryRecognised;
import cn.changdu.labour.contracts.employment.LabourIntermediarySuspended;
import cn.changdu.labour.contracts.employment.OutOfRegionSubsidyGranted;
import cn.changdu.labour.contracts.employment.OutOfRegionSubsidyRejected;
import cn.changdu.labour.contracts.projectlabor.LabourDisputeFiled;
import cn.changdu.labour.contracts.projectlabor.LabourDisputeResolved;
import cn.changdu.labour.contracts.projectlabor.LabourFilingSubmitted;
import cn.changdu.labour.contracts.projectlabor.PayrollSubmitted;
import cn.changdu.labour.contracts.training.AttendanceRecorded;
import cn.changdu.labour.contracts.training.PlannedSizeChanged;
import cn.changdu.labour.contracts.training.SubsidyRejected;
import cn.changdu.labour.contracts.training.TraineeWithdrawn;

import java.util.Map;

/**
 * The published event types reporting stores as facts (and counts per type) but no indicator, alert or kept state
 * uses, each with the reason. Every type of {@code EventTypes.ALL} is either counted somewhere or listed here
 * ({@code EveryPublishedTypeIsKnownTest}): a new type fails the build until someone decides which.
 */
public final class NotCounted {

    public static final Map<Class<? extends IntegrationEvent>, String> TYPES = Map.ofEntries(
            Map.entry(PlannedSizeChanged.class, "the plan counts trainees and classes, not a class's planned size"),
            Map.entry(TraineeWithdrawn.class, "people trained count enrolments: a withdrawal does not undo one (as the plan's tables count)"),
            Map.entry(AttendanceRecorded.class, "no indicator of the plan is about attendance"),
            Map.entry(SubsidyRejected.class, "training subsidies are counted as claimed, approved and paid; a rejection moves none of them"),
            Map.entry(JobPostingFilled.class, "jobs developed count the positions published, filled or not"),
            Map.entry(JobPostingWithdrawn.class, "positions published still count as developed when the posting is withdrawn"),
            Map.entry(LabourIntermediaryRecognised.class, "intermediaries are a register of the employment service, not a plan figure"),
            Map.entry(LabourIntermediarySuspended.class, "intermediaries are a register of the employment service, not a plan figure"),
            Map.entry(OutOfRegionSubsidyGranted.class, "employment subsidies are not among the plan's indicators"),
            Map.entry(OutOfRegionSubsidyRejected.class, "employment subsidies are not among the plan's indicators"),
            Map.entry(IntermediarySubsidyGranted.class, "employment subsidies are not among the plan's indicators"),
            Map.entry(JobFairHeld.class, "placements are counted themselves; the fair they came from is not a plan figure"),
            Map.entry(LabourFilingSubmitted.class, "roster counts come from joins and departures, not from the filed statistics"),
            Map.entry(PayrollSubmitted.class, "wages count when paid and arrears when detected; a submitted payroll moves neither"),
            Map.entry(LabourDisputeFiled.class, "no indicator or alert of the plan is about labour disputes yet"),
            Map.entry(LabourDisputeResolved.class, "no indicator or alert of the plan is about labour disputes yet"));

    private NotCounted() {
    }
}
