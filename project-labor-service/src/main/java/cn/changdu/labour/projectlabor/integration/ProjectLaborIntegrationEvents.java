package cn.changdu.labour.projectlabor.integration;

import cn.changdu.labour.contracts.projectlabor.ProjectRegistered;
import cn.changdu.labour.contracts.projectlabor.WagePaid;
import cn.changdu.labour.projectlabor.project.api.ProjectRegisteredEvent;
import cn.changdu.labour.projectlabor.project.api.WagePaidEvent;
import cn.changdu.labour.support.relay.IntegrationEventMapper;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** The published form of project labour's domain events: no names or IDs, only person keys. */
@Component
public class ProjectLaborIntegrationEvents implements IntegrationEventMapper {

    @Override
    public Optional<Outgoing> map(Object domainEvent) {
        if (domainEvent instanceof ProjectRegisteredEvent e) {
            return Optional.of(new Outgoing(new ProjectRegistered(e.projectId(), e.name(), e.countyCode(),
                    e.department(), e.governmentInvested(), e.plannedWorkforce()), e.countyCode()));
        }
        if (domainEvent instanceof WagePaidEvent e) {
            return Optional.of(new Outgoing(new WagePaid(e.projectId(), e.paymentId(), e.personKey(), e.period(),
                    e.amount(), e.paidOn()), e.countyCode()));
        }
        return Optional.empty();
    }
}
