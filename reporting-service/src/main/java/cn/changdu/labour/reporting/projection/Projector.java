package cn.changdu.labour.reporting.projection;

import cn.changdu.labour.contracts.EventEnvelope;
import cn.changdu.labour.contracts.EventJson;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import cn.changdu.labour.reporting.alerts.Alerts;
import cn.changdu.labour.reporting.indicators.Ledger;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Date;

/**
 * Projects one Kafka record. Idempotent: the fact is inserted under its {@code eventId}, so a redelivered
 * event is recognised by the duplicate key and counted once. A record this build cannot read is parked in
 * {@code unprocessable} (and counted) instead of blocking the partition; any other failure (the store is down)
 * propagates so the binder retries the same record.
 */
@Component
public class Projector {

    private static final Logger log = LoggerFactory.getLogger(Projector.class);

    private final FactStore facts;
    private final MongoCollection<Document> positions;
    private final MongoCollection<Document> unprocessable;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Ledger ledger;
    private final Alerts alerts;

    public Projector(MongoDatabase reportingDatabase, FactStore facts, MeterRegistry meters, Clock clock, Ledger ledger,
                     Alerts alerts) {
        this.ledger = ledger;
        this.alerts = alerts;
        this.facts = facts;
        this.positions = reportingDatabase.getCollection(Positions.COLLECTION);
        this.unprocessable = reportingDatabase.getCollection("unprocessable");
        this.meters = meters;
        this.clock = clock;
    }

    /** @return true when the event was new, false when it had been projected before or could not be read */
    public boolean project(String topic, int partition, long offset, String json) {
        EventEnvelope envelope;
        try {
            envelope = EventJson.read(json);
        } catch (EventJson.UnreadableEventException e) {
            log.warn("parking unreadable record {}-{}@{}: {}", topic, partition, offset, e.getMessage());
            unprocessable.replaceOne(Filters.eq("_id", topic + "-" + partition + "@" + offset),
                    new Document("topic", topic).append("partition", partition).append("offset", offset)
                            .append("reason", e.getMessage()).append("record", json)
                            .append("parkedAt", Date.from(clock.instant())),
                    new com.mongodb.client.model.ReplaceOptions().upsert(true));
            counter("platform.events.unprocessable", topic).increment();
            advance(topic, partition, offset, null);
            return false;
        }
        Document fact = Facts.of(envelope, topic);
        boolean isNew = facts.insert(fact);
        // both are idempotent: applied for a redelivered fact too, in case a crash came between insert and here
        ledger.apply(fact);
        alerts.on(fact);
        counter(isNew ? "platform.events.projected" : "platform.events.duplicates", topic).increment();
        advance(topic, partition, offset, envelope);
        return isNew;
    }

    private void advance(String topic, int partition, long offset, EventEnvelope envelope) {
        var update = Updates.combine(
                Updates.set("topic", topic),
                Updates.set("partition", partition),
                Updates.max("offset", offset),
                Updates.set("projectedAt", Date.from(clock.instant())));
        if (envelope != null) {
            update = Updates.combine(update,
                    Updates.max("lastOccurredAt", Date.from(envelope.occurredAt())),
                    Updates.max("lastRecordedAt", Date.from(envelope.recordedAt())));
        }
        positions.updateOne(Filters.eq("_id", topic + "-" + partition), update, new UpdateOptions().upsert(true));
    }

    private Counter counter(String name, String topic) {
        return Counter.builder(name).tag("topic", topic).register(meters);
    }
}
