package cn.changdu.labour.reporting.projection;

import cn.changdu.labour.contracts.EventEnvelope;
import cn.changdu.labour.contracts.IntegrationEvent;
import cn.changdu.labour.contracts.employment.WorkerPlaced;
import cn.changdu.labour.contracts.projectlabor.ProjectRegistered;
import cn.changdu.labour.contracts.projectlabor.WagePaid;
import cn.changdu.labour.contracts.training.ClassFiled;
import cn.changdu.labour.contracts.training.TraineeEnrolled;
import org.bson.Document;

import java.math.BigDecimal;
import java.util.Date;

/**
 * One document per integration event, keyed by {@code eventId}: the projection's unit of idempotency. A
 * redelivered event hits the same key and is counted once; indicators are aggregations over facts.
 */
final class Facts {

    static final String COLLECTION = "facts";

    private Facts() {
    }

    static Document of(EventEnvelope envelope, String topic) {
        Document fact = new Document("_id", envelope.eventId())
                .append("type", envelope.type())
                .append("source", envelope.source())
                .append("topic", topic)
                .append("aggregateId", envelope.aggregateId())
                .append("countyCode", envelope.countyCode())
                .append("occurredAt", Date.from(envelope.occurredAt()))
                .append("recordedAt", Date.from(envelope.recordedAt()))
                .append("actorDepartment", envelope.actor().department());
        details(envelope.payload(), fact);
        return fact;
    }

    private static void details(IntegrationEvent payload, Document fact) {
        if (payload instanceof ClassFiled e) {
            fact.append("trade", e.trade()).append("plannedSize", e.plannedSize());
        } else if (payload instanceof TraineeEnrolled e) {
            fact.append("personKey", e.personKey()).append("trade", e.trade());
        } else if (payload instanceof WorkerPlaced e) {
            fact.append("personKey", e.personKey()).append("channel", e.channel().name())
                    .append("destination", e.destination().name());
        } else if (payload instanceof ProjectRegistered e) {
            fact.append("department", e.department()).append("governmentInvested", e.governmentInvested());
        } else if (payload instanceof WagePaid e) {
            fact.append("personKey", e.personKey()).append("amountFen", fen(e.amount()));
        }
    }

    /** Money is summed as whole fen (a long): exact, and summable by any MongoDB. */
    static long fen(BigDecimal yuan) {
        return yuan.movePointRight(2).longValueExact();
    }
}
