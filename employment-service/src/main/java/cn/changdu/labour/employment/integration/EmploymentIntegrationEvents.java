package cn.changdu.labour.employment.integration;

import cn.changdu.labour.contracts.employment.EmploymentEnded;
import cn.changdu.labour.contracts.employment.EmploymentVerificationOverdue;
import cn.changdu.labour.contracts.employment.EmploymentVerified;
import cn.changdu.labour.contracts.employment.IncomeReported;
import cn.changdu.labour.contracts.employment.IntermediarySubsidyGranted;
import cn.changdu.labour.contracts.employment.JobFairHeld;
import cn.changdu.labour.contracts.employment.JobPostingFilled;
import cn.changdu.labour.contracts.employment.JobPostingPublished;
import cn.changdu.labour.contracts.employment.JobPostingWithdrawn;
import cn.changdu.labour.contracts.employment.LabourIntermediaryRecognised;
import cn.changdu.labour.contracts.employment.LabourIntermediarySuspended;
import cn.changdu.labour.contracts.employment.OutOfRegionSubsidyGranted;
import cn.changdu.labour.contracts.employment.OutOfRegionSubsidyRejected;
import cn.changdu.labour.contracts.employment.RelocatedHouseholdRegistered;
import cn.changdu.labour.contracts.employment.UnemploymentEnded;
import cn.changdu.labour.contracts.employment.UnemploymentRegistered;
import cn.changdu.labour.contracts.employment.UrbanEmploymentRegistered;
import cn.changdu.labour.contracts.employment.UrbanLabourForceBaseSet;
import cn.changdu.labour.employment.households.api.RelocatedHouseholdRegisteredEvent;
import cn.changdu.labour.employment.intermediaries.api.IntermediaryRecognisedEvent;
import cn.changdu.labour.employment.intermediaries.api.IntermediarySuspendedEvent;
import cn.changdu.labour.employment.jobfairs.api.JobFairHeldEvent;
import cn.changdu.labour.employment.jobs.api.JobPostingFilledEvent;
import cn.changdu.labour.employment.jobs.api.JobPostingPublishedEvent;
import cn.changdu.labour.employment.jobs.api.JobPostingWithdrawnEvent;
import cn.changdu.labour.employment.placement.api.IntermediarySubsidyGrantedEvent;
import cn.changdu.labour.employment.placement.api.OutOfRegionSubsidyGrantedEvent;
import cn.changdu.labour.employment.placement.api.OutOfRegionSubsidyRejectedEvent;
import cn.changdu.labour.employment.urban.api.LabourForceBaseSetEvent;
import cn.changdu.labour.employment.urban.api.UnemploymentEndedEvent;
import cn.changdu.labour.employment.urban.api.UnemploymentRegisteredEvent;
import cn.changdu.labour.employment.urban.api.UrbanEmploymentRegisteredEvent;
import cn.changdu.labour.contracts.employment.PlacementDetailsRecorded;
import cn.changdu.labour.contracts.employment.WorkerPlaced;
import cn.changdu.labour.employment.placement.api.EmploymentEndedEvent;
import cn.changdu.labour.employment.placement.api.EmploymentVerificationOverdueEvent;
import cn.changdu.labour.employment.placement.api.EmploymentVerifiedEvent;
import cn.changdu.labour.employment.placement.api.IncomeReportedEvent;
import cn.changdu.labour.employment.placement.api.PlacementDetailsRecordedEvent;
import cn.changdu.labour.employment.placement.api.WorkerPlacedEvent;
import cn.changdu.labour.support.relay.IntegrationEventMapper;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** The published form of employment's domain events: no names, IDs or phones, only person keys. */
@Component
public class EmploymentIntegrationEvents implements IntegrationEventMapper {

    @Override
    public Optional<Outgoing> map(Object domainEvent) {
        if (domainEvent instanceof WorkerPlacedEvent e) {
            return Optional.of(new Outgoing(new WorkerPlaced(e.placementId(), e.personKey(), e.countyCode(),
                    e.channel(), e.destination(), e.employer(), e.startDate(), e.expectedMonthlyIncome()),
                    e.countyCode()));
        }
        if (domainEvent instanceof PlacementDetailsRecordedEvent e) {
            return Optional.of(new Outgoing(new PlacementDetailsRecorded(e.placementId(),
                    e.personKey(), e.countyCode(), e.channel(), e.destination(), e.organisedBy(),
                    e.destinationProvince(), e.intermediaryId(), e.trainingClassId(), e.projectId(), e.householdId(),
                    e.jobFairId(), e.startDate(), e.verificationDueOn(), e.governmentOrganisedOutOfRegion()),
                    e.countyCode()));
        }
        if (domainEvent instanceof EmploymentVerifiedEvent e) {
            return Optional.of(new Outgoing(new EmploymentVerified(e.placementId(), e.personKey(),
                    e.countyCode(), e.verifiedOn(), e.status(), e.late()), e.countyCode()));
        }
        if (domainEvent instanceof EmploymentVerificationOverdueEvent e) {
            return Optional.of(new Outgoing(new EmploymentVerificationOverdue(
                    e.placementId(), e.personKey(), e.countyCode(), e.dueOn()), e.countyCode()));
        }
        if (domainEvent instanceof EmploymentEndedEvent e) {
            return Optional.of(new Outgoing(new EmploymentEnded(e.placementId(), e.personKey(),
                    e.countyCode(), e.householdId(), e.endedOn(), e.reason()), e.countyCode()));
        }
        if (domainEvent instanceof IncomeReportedEvent e) {
            return Optional.of(new Outgoing(new IncomeReported(e.placementId(), e.personKey(),
                    e.countyCode(), e.channel(), e.period(), e.amount()), e.countyCode()));
        }
        if (domainEvent instanceof OutOfRegionSubsidyGrantedEvent e) {
            return Optional.of(new Outgoing(new OutOfRegionSubsidyGranted(e.placementId(), e.personKey(),
                    e.countyCode(), e.amount()), e.countyCode()));
        }
        if (domainEvent instanceof OutOfRegionSubsidyRejectedEvent e) {
            return Optional.of(new Outgoing(new OutOfRegionSubsidyRejected(e.placementId(), e.personKey(),
                    e.countyCode(), e.reasons()), e.countyCode()));
        }
        if (domainEvent instanceof IntermediarySubsidyGrantedEvent e) {
            return Optional.of(new Outgoing(new IntermediarySubsidyGranted(e.intermediaryId(), e.placementId(),
                    e.personKey(), e.countyCode(), e.amount()), e.countyCode()));
        }
        if (domainEvent instanceof JobPostingPublishedEvent e) {
            return Optional.of(new Outgoing(new JobPostingPublished(e.postingId(), e.countyCode(), e.employer(),
                    e.sector(), e.positions(), e.monthlyWage(), e.region(), e.province(), e.publishedOn()),
                    e.countyCode()));
        }
        if (domainEvent instanceof JobPostingFilledEvent e) {
            return Optional.of(new Outgoing(new JobPostingFilled(e.postingId(), e.countyCode(), e.positionsFilled(),
                    e.filledTotal(), e.filledOn()), e.countyCode()));
        }
        if (domainEvent instanceof JobPostingWithdrawnEvent e) {
            return Optional.of(new Outgoing(new JobPostingWithdrawn(e.postingId(), e.countyCode(),
                    e.unfilledPositions(), e.withdrawnOn()), e.countyCode()));
        }
        if (domainEvent instanceof IntermediaryRecognisedEvent e) {
            return Optional.of(new Outgoing(new LabourIntermediaryRecognised(e.intermediaryId(), e.name(), e.kind(),
                    e.countyCode(), e.township(), e.recognisedOn()), e.countyCode()));
        }
        if (domainEvent instanceof IntermediarySuspendedEvent e) {
            return Optional.of(new Outgoing(new LabourIntermediarySuspended(e.intermediaryId(), e.countyCode(),
                    e.reason(), e.suspendedOn()), e.countyCode()));
        }
        if (domainEvent instanceof RelocatedHouseholdRegisteredEvent e) {
            return Optional.of(new Outgoing(new RelocatedHouseholdRegistered(e.householdId(), e.countyCode(),
                    e.site(), e.membersAbleToWork(), e.registeredOn()), e.countyCode()));
        }
        if (domainEvent instanceof UrbanEmploymentRegisteredEvent e) {
            return Optional.of(new Outgoing(new UrbanEmploymentRegistered(e.registrationId(), e.personKey(),
                    e.countyCode(), e.employer(), e.registeredOn()), e.countyCode()));
        }
        if (domainEvent instanceof UnemploymentRegisteredEvent e) {
            return Optional.of(new Outgoing(new UnemploymentRegistered(e.personKey(), e.countyCode(),
                    e.registeredOn()), e.countyCode()));
        }
        if (domainEvent instanceof UnemploymentEndedEvent e) {
            return Optional.of(new Outgoing(new UnemploymentEnded(e.personKey(), e.countyCode(), e.endedOn(),
                    e.reason()), e.countyCode()));
        }
        if (domainEvent instanceof LabourForceBaseSetEvent e) {
            return Optional.of(new Outgoing(new UrbanLabourForceBaseSet(e.countyCode(), e.year(), e.labourForce()),
                    e.countyCode()));
        }
        if (domainEvent instanceof JobFairHeldEvent e) {
            return Optional.of(new Outgoing(new JobFairHeld(e.jobFairId(), e.countyCode(), e.name(), e.heldOn(),
                    e.employers(), e.positionsOffered(), e.attendance()), e.countyCode()));
        }
        return Optional.empty();
    }
}
