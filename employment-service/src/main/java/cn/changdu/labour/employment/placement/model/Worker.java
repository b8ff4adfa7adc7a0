package cn.changdu.labour.employment.placement.model;

import cn.changdu.labour.kernel.MetadataKeys;
import cn.changdu.labour.kernel.BusinessTime;
import cn.changdu.labour.contracts.employment.Destination;
import cn.changdu.labour.contracts.employment.OrganisedBy;
import cn.changdu.labour.contracts.employment.TransferChannel;
import cn.changdu.labour.contracts.employment.VerificationStatus;
import cn.changdu.labour.employment.placement.api.DecideOutOfRegionSubsidyCommand;
import cn.changdu.labour.employment.placement.api.EmploymentEndedEvent;
import cn.changdu.labour.employment.placement.api.GrantIntermediarySubsidyCommand;
import cn.changdu.labour.employment.placement.api.IntermediarySubsidyGrantedEvent;
import cn.changdu.labour.employment.placement.api.OutOfRegionSubsidyGrantedEvent;
import cn.changdu.labour.employment.placement.api.OutOfRegionSubsidyPolicy;
import cn.changdu.labour.employment.placement.api.OutOfRegionSubsidyRejectedEvent;
import cn.changdu.labour.employment.placement.api.EmploymentVerificationOverdueEvent;
import cn.changdu.labour.employment.placement.api.EmploymentVerifiedEvent;
import cn.changdu.labour.employment.placement.api.EndEmploymentCommand;
import cn.changdu.labour.employment.placement.api.IncomeReportedEvent;
import cn.changdu.labour.employment.placement.api.PlaceWorkerCommand;
import cn.changdu.labour.employment.placement.api.PlacementDetails;
import cn.changdu.labour.employment.placement.api.PlacementDetailsRecordedEvent;
import cn.changdu.labour.employment.placement.api.ReportIncomeCommand;
import cn.changdu.labour.employment.placement.api.VerificationDue;
import cn.changdu.labour.employment.placement.api.VerifyEmploymentCommand;
import cn.changdu.labour.employment.placement.api.WorkerPlacedEvent;
import cn.changdu.labour.kernel.Money;
import cn.changdu.labour.kernel.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A rural worker's employment record, one per person (keyed by person key): the consistency boundary for
 * "a person has at most one active placement at a time", and for everything that follows a placement — its
 * 3-month verification (an Axon deadline per placement), its end, and its income per month.
 */
@Aggregate
public class Worker {

    /** The plan's stability check falls due 3 months after the start (就业后3个月). */
    public static final int VERIFICATION_MONTHS = 3;
    /** Business dates are Beijing dates: a deadline falls due at the start of its day there. */

    @AggregateIdentifier
    private String personKey;
    private String activePlacementId;
    private final Map<String, Placement> placements = new HashMap<>();

    protected Worker() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(PlaceWorkerCommand command, DeadlineManager deadlines, MetaData metaData) {
        PlacementRules.requireNoActivePlacement(activePlacementId != null);
        PlacementDetails details = command.details();
        PlacementRules.check(command.channel(), command.destination(), command.expectedMonthlyIncome(), details);
        OrganisedBy organisedBy = details.organisedBy();
        if (command.channel() == TransferChannel.ORGANISED_OUT_OF_REGION && organisedBy == null) {
            // the channel is organised by definition: by the government unless the record says otherwise
            organisedBy = OrganisedBy.GOVERNMENT;
        }
        LocalDate dueOn = command.startDate().plusMonths(VERIFICATION_MONTHS);
        apply(new WorkerPlacedEvent(command.personKey(), command.placementId(), command.name(), command.residentId(),
                command.countyCode(), command.channel(), command.destination(), command.employer(),
                command.startDate(), command.expectedMonthlyIncome(), details));
        // the deadline message carries who the check is for and when it falls due (business time)
        MetaData deadlineMeta = MetaData.with(MetadataKeys.ACTOR_ID, "system:employment-verification")
                .and(MetadataKeys.ACTOR_DEPARTMENT, String.valueOf(metaData.getOrDefault(MetadataKeys.ACTOR_DEPARTMENT, "system")))
                .and(MetadataKeys.OCCURRED_AT, BusinessTime.startOf(dueOn).toString());
        String deadlineId = deadlines.schedule(BusinessTime.startOf(dueOn), VerificationDue.DEADLINE,
                new GenericMessage<>(new VerificationDue(command.placementId(), dueOn), deadlineMeta));
        apply(new PlacementDetailsRecordedEvent(command.personKey(), command.placementId(), command.countyCode(),
                command.channel(), command.destination(), organisedBy, details.destinationProvince(),
                details.intermediaryId(), details.trainingClassId(), details.projectId(), details.householdId(),
                details.jobFairId(), command.startDate(), dueOn, deadlineId));
    }

    @CommandHandler
    public void handle(VerifyEmploymentCommand command, DeadlineManager deadlines) {
        Placement placement = placement(command.placementId());
        if (placement.verified) {
            throw new RuleViolation("employment-verified-once", "placementId", "该就业记录已完成3个月稳定就业核验");
        }
        if (command.verifiedOn().isBefore(placement.startDate)) {
            throw new RuleViolation("verification-not-before-start", "verifiedOn", "核验日期不能早于就业开始日期");
        }
        if (placement.deadlineId != null) {
            deadlines.cancelSchedule(VerificationDue.DEADLINE, placement.deadlineId);
        }
        boolean late = placement.dueOn != null && command.verifiedOn().isAfter(placement.dueOn);
        apply(new EmploymentVerifiedEvent(personKey, command.placementId(), placement.countyCode,
                command.verifiedOn(), command.status(), command.remarks(), late));
    }

    @DeadlineHandler(deadlineName = VerificationDue.DEADLINE)
    public void on(VerificationDue due) {
        Placement placement = placements.get(due.placementId());
        // a repeated or stale deadline (already verified, ended, or flagged) changes nothing
        if (placement == null || placement.verified || placement.endedOn != null || placement.overdue) {
            return;
        }
        apply(new EmploymentVerificationOverdueEvent(personKey, due.placementId(), placement.countyCode, due.dueOn()));
    }

    @CommandHandler
    public void handle(EndEmploymentCommand command, DeadlineManager deadlines) {
        Placement placement = placement(command.placementId());
        if (placement.endedOn != null) {
            throw new RuleViolation("employment-ended-once", "placementId", "该就业记录已登记离岗");
        }
        if (command.endedOn().isBefore(placement.startDate)) {
            throw new RuleViolation("end-not-before-start", "endedOn", "离岗日期不能早于就业开始日期");
        }
        if (!placement.verified && placement.deadlineId != null) {
            // a job that ended needs no stability check any more
            deadlines.cancelSchedule(VerificationDue.DEADLINE, placement.deadlineId);
        }
        apply(new EmploymentEndedEvent(personKey, command.placementId(), placement.countyCode, placement.householdId,
                command.endedOn(), command.reason(), command.remarks()));
    }

    @CommandHandler
    public void handle(ReportIncomeCommand command) {
        Placement placement = placement(command.placementId());
        if (!Money.isPositiveToTheFen(command.amount())) {
            throw new RuleViolation("income-exact-to-the-fen", "amount", "收入须为正数，最多两位小数");
        }
        if (command.period().isBefore(YearMonth.from(placement.startDate))
                || placement.endedOn != null && command.period().isAfter(YearMonth.from(placement.endedOn))) {
            throw new RuleViolation("income-within-placement", "period", "收入月份须在就业开始与离岗之间");
        }
        if (placement.incomePeriods.contains(command.period())) {
            throw new RuleViolation("income-once-per-period", "period", "该月份的收入已登记");
        }
        apply(new IncomeReportedEvent(personKey, command.placementId(), placement.countyCode, placement.channel,
                command.period(), Money.yuanToTheFen(command.amount())));
    }

    @CommandHandler
    public void handle(DecideOutOfRegionSubsidyCommand command) {
        Placement placement = placement(command.placementId());
        if (placement.outOfRegionSubsidyGranted) {
            throw new RuleViolation("out-of-region-subsidy-once", "placementId", "该就业记录已发放区外就业补贴");
        }
        OutOfRegionSubsidyPolicy policy = command.policy();
        List<String> reasons = new ArrayList<>();
        if (placement.destination != Destination.OUT_OF_REGION) {
            reasons.add("destination-out-of-region");
        }
        if (policy.requireGovernmentOrganised() && placement.organisedBy != OrganisedBy.GOVERNMENT) {
            reasons.add("government-organised");
        }
        if (policy.requireVerifiedEmployment() && !stillWorking(placement)) {
            reasons.add("employment-verified");
        }
        if (reasons.isEmpty()) {
            apply(new OutOfRegionSubsidyGrantedEvent(personKey, command.placementId(), placement.countyCode,
                    Money.yuanToTheFen(policy.amount())));
        } else {
            apply(new OutOfRegionSubsidyRejectedEvent(personKey, command.placementId(), placement.countyCode,
                    List.copyOf(reasons)));
        }
    }

    @CommandHandler
    public void handle(GrantIntermediarySubsidyCommand command) {
        Placement placement = placement(command.placementId());
        if (placement.intermediaryId == null) {
            throw new RuleViolation("intermediary-subsidy-needs-an-intermediary", "placementId",
                    "该就业记录没有登记中介机构，不能发放中介服务补贴");
        }
        if (placement.intermediarySubsidyGranted) {
            throw new RuleViolation("intermediary-subsidy-once-per-worker", "placementId",
                    "该就业记录已为中介机构发放过服务补贴");
        }
        if (command.requireVerifiedEmployment() && !stillWorking(placement)) {
            throw new RuleViolation("intermediary-subsidy-needs-verified-employment", "placementId",
                    "须先完成3个月稳定就业核验（在岗）才能发放中介服务补贴");
        }
        apply(new IntermediarySubsidyGrantedEvent(personKey, command.placementId(), placement.countyCode,
                placement.intermediaryId, Money.yuanToTheFen(command.amount())));
    }

    private static boolean stillWorking(Placement placement) {
        return placement.verified && placement.verificationStatus != VerificationStatus.NOT_EMPLOYED;
    }

    @EventSourcingHandler
    void on(OutOfRegionSubsidyGrantedEvent event) {
        placements.get(event.placementId()).outOfRegionSubsidyGranted = true;
    }

    @EventSourcingHandler
    void on(IntermediarySubsidyGrantedEvent event) {
        placements.get(event.placementId()).intermediarySubsidyGranted = true;
    }

    private Placement placement(String placementId) {
        Placement placement = placements.get(placementId);
        if (placement == null) {
            throw new RuleViolation("placement-of-this-person", "placementId", "此人没有编号为 " + placementId + " 的就业记录");
        }
        return placement;
    }

    @EventSourcingHandler
    void on(WorkerPlacedEvent event) {
        personKey = event.personKey();
        activePlacementId = event.placementId();
        Placement placement = new Placement();
        placement.countyCode = event.countyCode();
        placement.channel = event.channel();
        placement.startDate = event.startDate();
        placement.destination = event.destination();
        placement.householdId = event.details() == null ? null : event.details().householdId();
        placements.put(event.placementId(), placement);
    }

    @EventSourcingHandler
    void on(PlacementDetailsRecordedEvent event) {
        Placement placement = placements.get(event.placementId());
        placement.dueOn = event.verificationDueOn();
        placement.deadlineId = event.verificationDeadlineId();
        placement.organisedBy = event.organisedBy();
        placement.intermediaryId = event.intermediaryId();
    }

    @EventSourcingHandler
    void on(EmploymentVerifiedEvent event) {
        Placement placement = placements.get(event.placementId());
        placement.verified = true;
        placement.verificationStatus = event.status();
        placement.overdue = false;
    }

    @EventSourcingHandler
    void on(EmploymentVerificationOverdueEvent event) {
        placements.get(event.placementId()).overdue = true;
    }

    @EventSourcingHandler
    void on(EmploymentEndedEvent event) {
        placements.get(event.placementId()).endedOn = event.endedOn();
        if (event.placementId().equals(activePlacementId)) {
            activePlacementId = null;
        }
    }

    @EventSourcingHandler
    void on(IncomeReportedEvent event) {
        placements.get(event.placementId()).incomePeriods.add(event.period());
    }

    private static final class Placement {
        String countyCode;
        TransferChannel channel;
        LocalDate startDate;
        String householdId;
        LocalDate dueOn;
        String deadlineId;
        Destination destination;
        OrganisedBy organisedBy;
        String intermediaryId;
        boolean verified;
        VerificationStatus verificationStatus;
        boolean overdue;
        boolean outOfRegionSubsidyGranted;
        boolean intermediarySubsidyGranted;
        LocalDate endedOn;
        final Set<YearMonth> incomePeriods = new HashSet<>();

        private List<Object> state() {
            return Arrays.asList(countyCode, channel, startDate, householdId, dueOn, deadlineId, destination,
                    organisedBy, intermediaryId, verified, verificationStatus, overdue, outOfRegionSubsidyGranted,
                    intermediarySubsidyGranted, endedOn, incomePeriods);
        }

        // value equality: the test fixture compares the state built by commands with the state sourced from events
        @Override
        public boolean equals(Object other) {
            return other instanceof Placement p && state().equals(p.state());
        }

        @Override
        public int hashCode() {
            return state().hashCode();
        }
    }

}
