package cn.changdu.labour.training.integration;

import cn.changdu.labour.contracts.training.*;
import cn.changdu.labour.support.relay.IntegrationEventMapper;
import cn.changdu.labour.training.classes.api.*;
import cn.changdu.labour.training.trainee.api.DuplicateTrainingAttemptedEvent;
import cn.changdu.labour.training.trainee.api.PersonEnrolledEvent;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** The published form of training's domain events: no names, IDs or phones, only person keys. */
@Component
public class TrainingIntegrationEvents implements IntegrationEventMapper {

    @Override
    public Optional<Outgoing> map(Object domainEvent) {
        if (domainEvent instanceof ClassFiledEvent e) {
            return out(new ClassFiled(e.classId(), e.countyCode(), e.organiser(), e.trade(),
                    e.plannedSize(), e.startDate(), e.endDate()), e.countyCode());
        }
        if (domainEvent instanceof TraineeEnrolledEvent e) {
            return out(new TraineeEnrolled(e.classId(), e.personKey(), e.countyCode(), e.trade()), e.countyCode());
        }
        if (domainEvent instanceof LateFilingApprovedEvent e) {
            return out(new LateFilingApproved(e.classId(), e.countyCode(), e.startDate(), e.filedOn(),
                    e.latestFilingDate()), e.countyCode());
        }
        if (domainEvent instanceof PlannedSizeChangedEvent e) {
            return out(new PlannedSizeChanged(e.classId(), e.countyCode(), e.previousSize(), e.plannedSize()), e.countyCode());
        }
        if (domainEvent instanceof PersonEnrolledEvent e) {
            return out(new PersonEnrolled(e.personKey(), e.classId(), e.countyCode(), e.trade(),
                    e.category() == null ? null : e.category().name(), e.orderDirected(), e.registeredPoor(),
                    e.consolidationTraining(), e.relocationHouseholdId(), e.relocationSite(), e.startDate(),
                    e.endDate()), e.countyCode());
        }
        if (domainEvent instanceof TraineeWithdrawnEvent e) {
            return out(new TraineeWithdrawn(e.classId(), e.personKey(), e.countyCode(), e.withdrawnOn()), e.countyCode());
        }
        if (domainEvent instanceof AttendanceRecordedEvent e) {
            return out(new AttendanceRecorded(e.classId(), e.countyCode(), e.date(), e.present().size(),
                    e.absent().size()), e.countyCode());
        }
        if (domainEvent instanceof ClassInspectedEvent e) {
            return out(new ClassInspected(e.classId(), e.countyCode(), e.inspectedOn(), e.inspectionNumber(),
                    e.results().stream().filter(r -> !r.passed()).map(r -> r.item().name()).toList()), e.countyCode());
        }
        if (domainEvent instanceof TraineeAssessedEvent e) {
            return out(new TraineeAssessed(e.classId(), e.personKey(), e.countyCode(), e.passed(), e.assessedOn()),
                    e.countyCode());
        }
        if (domainEvent instanceof ClassCompletedEvent e) {
            return out(new ClassCompleted(e.classId(), e.countyCode(), e.trade(),
                    e.category() == null ? null : e.category().name(), e.orderDirected(), e.endDate(), e.completedOn(),
                    e.trainees(), e.passed(), e.passRate(), e.inspections()), e.countyCode());
        }
        if (domainEvent instanceof SubsidyClaimedEvent e) {
            return out(new SubsidyClaimed(e.classId(), e.personKey(), e.countyCode(), e.amount(), e.claimedOn()), e.countyCode());
        }
        if (domainEvent instanceof SubsidyApprovedEvent e) {
            return out(new SubsidyApproved(e.classId(), e.personKey(), e.countyCode(), e.amount(), e.approvedOn()), e.countyCode());
        }
        if (domainEvent instanceof SubsidyRejectedEvent e) {
            return out(new SubsidyRejected(e.classId(), e.personKey(), e.countyCode(), e.amount(), e.rejectedOn()), e.countyCode());
        }
        if (domainEvent instanceof SubsidyPaidEvent e) {
            return out(new SubsidyPaid(e.classId(), e.personKey(), e.countyCode(), e.amount(), e.paidOn()), e.countyCode());
        }
        if (domainEvent instanceof JobRecommendedEvent e) {
            return out(new JobRecommended(e.classId(), e.personKey(), e.countyCode(), e.recommendedOn(),
                    e.recommendationNumber(), e.classEndDate()), e.countyCode());
        }
        if (domainEvent instanceof FollowUpRecordedEvent e) {
            return out(new FollowUpRecorded(e.classId(), e.personKey(), e.countyCode(), e.followedUpOn(),
                    e.followUpNumber(), e.employmentStatus().name(), e.classEndDate()), e.countyCode());
        }
        if (domainEvent instanceof DuplicateTrainingAttemptedEvent e) {
            return out(new DuplicateTrainingAttempted(e.personKey(), e.classId(), e.countyCode(), e.trade(), e.startDate(),
                    e.earlierClassId(), e.earlierCountyCode(), e.earlierStartDate()), e.countyCode());
        }
        return Optional.empty();
    }

    private static Optional<Outgoing> out(cn.changdu.labour.contracts.IntegrationEvent payload, String countyCode) {
        return Optional.of(new Outgoing(payload, countyCode));
    }
}
