package cn.changdu.labour.projectlabor.integration;

import cn.changdu.labour.contracts.projectlabor.LabourDisputeFiled;
import cn.changdu.labour.contracts.projectlabor.LabourDisputeResolved;
import cn.changdu.labour.contracts.projectlabor.LabourFilingSubmitted;
import cn.changdu.labour.contracts.projectlabor.LocalLabourShareBelowTarget;
import cn.changdu.labour.contracts.projectlabor.LocalLabourShareRecovered;
import cn.changdu.labour.contracts.projectlabor.PayrollSubmitted;
import cn.changdu.labour.contracts.projectlabor.ProjectClosed;
import cn.changdu.labour.contracts.projectlabor.ProjectRegistered;
import cn.changdu.labour.contracts.projectlabor.ProjectUpdated;
import cn.changdu.labour.contracts.projectlabor.WageArrearsChanged;
import cn.changdu.labour.contracts.projectlabor.WageArrearsCleared;
import cn.changdu.labour.contracts.projectlabor.WageArrearsDetected;
import cn.changdu.labour.contracts.projectlabor.WagePaid;
import cn.changdu.labour.contracts.projectlabor.WorkerJoinedProject;
import cn.changdu.labour.contracts.projectlabor.WorkerLeftProject;
import cn.changdu.labour.projectlabor.project.api.LabourDisputeFiledEvent;
import cn.changdu.labour.projectlabor.project.api.LabourDisputeResolvedEvent;
import cn.changdu.labour.projectlabor.project.api.LabourFilingSubmittedEvent;
import cn.changdu.labour.projectlabor.project.api.LocalLabourShareBelowTargetEvent;
import cn.changdu.labour.projectlabor.project.api.LocalLabourShareRecoveredEvent;
import cn.changdu.labour.projectlabor.project.api.PayrollSubmittedEvent;
import cn.changdu.labour.projectlabor.project.api.ProjectClosedEvent;
import cn.changdu.labour.projectlabor.project.api.ProjectRegisteredEvent;
import cn.changdu.labour.projectlabor.project.api.ProjectUpdatedEvent;
import cn.changdu.labour.projectlabor.project.api.WageArrearsChangedEvent;
import cn.changdu.labour.projectlabor.project.api.WageArrearsClearedEvent;
import cn.changdu.labour.projectlabor.project.api.WageArrearsDetectedEvent;
import cn.changdu.labour.projectlabor.project.api.WagePaidEvent;
import cn.changdu.labour.projectlabor.project.api.WorkerJoinedProjectEvent;
import cn.changdu.labour.projectlabor.project.api.WorkerLeftProjectEvent;
import cn.changdu.labour.support.relay.IntegrationEventMapper;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The published form of project labour's domain events: no names or IDs, only person keys. Every fact counts
 * for the project's county (the envelope's {@code countyCode}); a roster join also names the worker's home
 * county, for which a local farmer's or herder's join counts as a construction-channel transfer. Internal
 * bookkeeping (deadlines set, periods past due, per-person roster days) is not published.
 */
@Component
public class ProjectLaborIntegrationEvents implements IntegrationEventMapper {

    @Override
    public Optional<Outgoing> map(Object domainEvent) {
        if (domainEvent instanceof ProjectRegisteredEvent e) {
            return out(new ProjectRegistered(e.projectId(), e.name(), e.countyCode(),
                    e.department(), e.governmentInvested(), e.plannedWorkforce()), e.countyCode());
        }
        if (domainEvent instanceof ProjectUpdatedEvent e) {
            return out(new ProjectUpdated(e.projectId(), e.name(), e.countyCode(), e.department(),
                    e.governmentInvested(), e.plannedWorkforce()), e.countyCode());
        }
        if (domainEvent instanceof ProjectClosedEvent e) {
            return out(new ProjectClosed(e.projectId(), e.department(), e.closedOn()), e.countyCode());
        }
        if (domainEvent instanceof LabourFilingSubmittedEvent e) {
            return out(new LabourFilingSubmitted(e.projectId(), e.filingId(), e.department(), e.hrOffice(),
                    e.filedOn(), e.workers(), e.localWorkers()), e.countyCode());
        }
        if (domainEvent instanceof WorkerJoinedProjectEvent e) {
            return out(new WorkerJoinedProject(e.projectId(), e.personKey(), e.localFarmerHerder(),
                    e.homeCountyCode(), e.trade(), e.joinedOn(), e.department(), e.governmentInvested(),
                    e.localWorkers(), e.totalWorkers()), e.countyCode());
        }
        if (domainEvent instanceof WorkerLeftProjectEvent e) {
            return out(new WorkerLeftProject(e.projectId(), e.personKey(), e.localFarmerHerder(), e.leftOn(),
                    e.department(), e.localWorkers(), e.totalWorkers()), e.countyCode());
        }
        if (domainEvent instanceof LocalLabourShareBelowTargetEvent e) {
            return out(new LocalLabourShareBelowTarget(e.projectId(), e.department(), e.localWorkers(),
                    e.totalWorkers(), e.share(), e.asOf()), e.countyCode());
        }
        if (domainEvent instanceof LocalLabourShareRecoveredEvent e) {
            return out(new LocalLabourShareRecovered(e.projectId(), e.department(), e.localWorkers(),
                    e.totalWorkers(), e.share(), e.asOf()), e.countyCode());
        }
        if (domainEvent instanceof PayrollSubmittedEvent e) {
            return out(new PayrollSubmitted(e.projectId(), e.period(), e.lines().size(), e.totalDue(), e.dueDate(),
                    e.submittedOn()), e.countyCode());
        }
        if (domainEvent instanceof WagePaidEvent e) {
            return out(new WagePaid(e.projectId(), e.paymentId(), e.personKey(), e.period(),
                    e.amount(), e.paidOn()), e.countyCode());
        }
        if (domainEvent instanceof WageArrearsDetectedEvent e) {
            return out(new WageArrearsDetected(e.projectId(), e.personKey(), e.period(), e.amount(), e.dueDate(),
                    e.governmentInvested(), e.department()), e.countyCode());
        }
        if (domainEvent instanceof WageArrearsChangedEvent e) {
            return out(new WageArrearsChanged(e.projectId(), e.personKey(), e.period(), e.amount(),
                    e.governmentInvested(), e.department()), e.countyCode());
        }
        if (domainEvent instanceof WageArrearsClearedEvent e) {
            return out(new WageArrearsCleared(e.projectId(), e.personKey(), e.period(), e.governmentInvested(),
                    e.department()), e.countyCode());
        }
        if (domainEvent instanceof LabourDisputeFiledEvent e) {
            return out(new LabourDisputeFiled(e.projectId(), e.disputeId(), e.personKey(), e.category().name(),
                    e.claimedAmount(), e.filedOn(), e.governmentInvested(), e.department()), e.countyCode());
        }
        if (domainEvent instanceof LabourDisputeResolvedEvent e) {
            return out(new LabourDisputeResolved(e.projectId(), e.disputeId(), e.outcome().name(),
                    e.awardedAmount(), e.resolvedOn(), e.department()), e.countyCode());
        }
        return Optional.empty();
    }

    private static Optional<Outgoing> out(cn.changdu.labour.contracts.IntegrationEvent payload, String countyCode) {
        return Optional.of(new Outgoing(payload, countyCode));
    }
}
