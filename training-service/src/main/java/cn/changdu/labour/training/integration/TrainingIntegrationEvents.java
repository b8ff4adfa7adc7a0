package cn.changdu.labour.training.integration;

import cn.changdu.labour.contracts.training.ClassFiled;
import cn.changdu.labour.contracts.training.TraineeEnrolled;
import cn.changdu.labour.support.relay.IntegrationEventMapper;
import cn.changdu.labour.training.classes.api.ClassFiledEvent;
import cn.changdu.labour.training.classes.api.TraineeEnrolledEvent;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** The published form of training's domain events: no names, IDs or phones, only person keys. */
@Component
public class TrainingIntegrationEvents implements IntegrationEventMapper {

    @Override
    public Optional<Outgoing> map(Object domainEvent) {
        if (domainEvent instanceof ClassFiledEvent e) {
            return Optional.of(new Outgoing(new ClassFiled(e.classId(), e.countyCode(), e.organiser(), e.trade(),
                    e.plannedSize(), e.startDate(), e.endDate()), e.countyCode()));
        }
        if (domainEvent instanceof TraineeEnrolledEvent e) {
            return Optional.of(new Outgoing(new TraineeEnrolled(e.classId(), e.personKey(), e.countyCode(), e.trade()),
                    e.countyCode()));
        }
        return Optional.empty();
    }
}
