package cn.changdu.labour.training;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.contracts.EventEnvelope;
import cn.changdu.labour.contracts.EventJson;
import cn.changdu.labour.contracts.Topics;
import cn.changdu.labour.infra.test.StoredEvents;
import cn.changdu.labour.infra.test.TestInfra;
import cn.changdu.labour.infra.test.TestPeople;
import cn.changdu.labour.infra.test.TopicReader;
import cn.changdu.labour.infra.test.WithPlatformInfra;
import cn.changdu.labour.support.relay.IntegrationEventRelay;
import cn.changdu.labour.support.commands.DomainCommands;
import cn.changdu.labour.training.classes.api.EnrolTraineeCommand;
import cn.changdu.labour.training.classes.api.FileClassCommand;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.SendResult;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A relay batch whose sends fail midway (one send fails, the others of the batch were handed to Kafka and
 * acknowledged): the batch's Kafka transaction is aborted and the whole batch sent again from the last stored
 * token. Every event reaches Kafka once, in each aggregate's order — the first attempt's records are invisible to
 * consumers reading committed records, so the later events of an aggregate cannot overtake the failed one.
 */
@SpringBootTest
@WithPlatformInfra(database = "training_relay_batch_failure")
class RelayBatchFailureTest {

    /** The send that fails: well inside the first batch, after the earlier ones were acknowledged. */
    static final int FAILING_SEND = 40;
    static final AtomicInteger SENDS = new AtomicInteger();

    @TestConfiguration
    static class FailingSend {
        @Bean
        @Primary
        KafkaTemplate<String, String> failingOnce(@Qualifier("relayProducerFactory") ProducerFactory<String, String> producers) {
            return new KafkaTemplate<>(producers) {
                @Override
                public CompletableFuture<SendResult<String, String>> send(ProducerRecord<String, String> record) {
                    if (SENDS.incrementAndGet() == FAILING_SEND) {
                        return CompletableFuture.failedFuture(new TimeoutException("simulated: no acknowledgement"));
                    }
                    return super.send(record);
                }
            };
        }
    }

    @Autowired
    DomainCommands commands;
    @Autowired
    DataSource dataSource;
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void a_batch_failing_midway_is_sent_again_whole_nothing_lost_nothing_reordered() {
        // the relay waits until everything is stored, so that its first batch holds all of it
        EventProcessor relay = processing.eventProcessor(IntegrationEventRelay.PROCESSING_GROUP).orElseThrow();
        relay.shutDown();
        Actor officer = new Actor("officer-1", "卡若区人社局");
        List<String> classIds = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            String classId = "batch-" + UUID.randomUUID();
            commands.send(new FileClassCommand(classId, "540302", "卡若区培训中心", "焊工", 40,
                    LocalDate.of(2020, 7, 1), LocalDate.of(2020, 7, 30)), officer, Instant.parse("2020-06-01T02:00:00Z"));
            classIds.add(classId);
        }
        for (int i = 0; i < 120; i++) {
            commands.send(new EnrolTraineeCommand(classIds.get(i % 4), "pk_batch_" + i, "学员" + i,
                    TestPeople.residentId("540302", 800 + i), null, null), officer, null);
        }
        List<StoredEvents.Row> stored = new StoredEvents(dataSource).all();
        relay.start();
        Map<String, List<Long>> storedSequences = stored.stream().collect(Collectors.groupingBy(
                StoredEvents.Row::aggregateId, Collectors.mapping(StoredEvents.Row::sequence, Collectors.toList())));

        // this test's aggregates only: the topic is shared with the other tests of the JVM
        java.util.function.Predicate<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> ours =
                r -> storedSequences.containsKey(r.key());
        List<EventEnvelope> onKafka = TopicReader.readUntil(TestInfra.shared().kafkaBootstrapServers(), Topics.TRAINING,
                        rs -> rs.stream().filter(ours).map(r -> EventJson.read(r.value()).eventId()).distinct().count()
                                >= stored.size(),
                        Duration.ofSeconds(60))
                .stream().filter(ours).map(r -> EventJson.read(r.value())).toList();

        assertThat(SENDS.get()).as("the failing send happened").isGreaterThan(FAILING_SEND);
        Set<String> seen = new HashSet<>();
        Map<String, List<Long>> firstOccurrences = new HashMap<>();
        long repeats = 0;
        for (EventEnvelope event : onKafka) {
            if (seen.add(event.eventId())) {
                firstOccurrences.computeIfAbsent(event.aggregateId(), a -> new ArrayList<>()).add(event.aggregateSequence());
            } else {
                repeats++;
            }
        }
        assertThat(firstOccurrences).as("every stored event, in each aggregate's order").isEqualTo(storedSequences);
        assertThat(repeats).as("nothing of the aborted attempt is visible").isZero();
    }
}
