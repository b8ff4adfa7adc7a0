package cn.changdu.labour.employment.integration;

import cn.changdu.labour.contracts.employment.WorkerPlaced;
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
        return Optional.empty();
    }
}
