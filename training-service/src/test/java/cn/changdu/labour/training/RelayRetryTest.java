package cn.changdu.labour.training;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.contracts.EventEnvelope;
import cn.changdu.labour.contracts.EventJson;
import cn.changdu.labour.contracts.Topics;
import cn.changdu.labour.infra.test.TestInfra;
import cn.changdu.labour.infra.test.TestPeople;
import cn.changdu.labour.infra.test.TopicReader;
import cn.changdu.labour.infra.test.WithPlatformInfra;
import cn.changdu.labour.support.relay.IntegrationEventMapper;
import cn.changdu.labour.support.commands.DomainCommands;
import cn.changdu.labour.training.classes.api.EnrolTraineeCommand;
import cn.changdu.labour.training.classes.api.FileClassCommand;
import cn.changdu.labour.training.classes.api.TraineeEnrolledEvent;
import cn.changdu.labour.training.integration.TrainingIntegrationEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A failure while relaying (here: the first three attempts to relay an enrolment) must not skip the event:
 * the relay stops, backs off and retries from its last stored token until every event is on Kafka, in order.
 */
@SpringBootTest
@WithPlatformInfra(database = "training_relay_retry")
class RelayRetryTest {

    static final AtomicInteger FAILURES_LEFT = new AtomicInteger(3);

    @TestConfiguration
    static class FailingRelay {
        @Bean
        @Primary
        IntegrationEventMapper failingThreeTimes(TrainingIntegrationEvents real) {
            return event -> {
                if (event instanceof TraineeEnrolledEvent && FAILURES_LEFT.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    throw new IllegalStateException("simulated failure while relaying");
                }
                return real.map(event);
            };
        }
    }

    @Autowired
    DomainCommands commands;

    @Test
    void a_failed_relay_is_retried_and_no_event_is_skipped() {
        Actor officer = new Actor("officer-1", "卡若区人社局");
        String classId = "retry-" + UUID.randomUUID();
        commands.send(new FileClassCommand(classId, "540302", "卡若区培训中心", "焊工", 10,
                LocalDate.of(2020, 7, 1), LocalDate.of(2020, 7, 30)), officer,
                java.time.Instant.parse("2020-06-01T02:00:00Z"));
        for (int i = 0; i < 3; i++) {
            commands.send(new EnrolTraineeCommand(classId, "pk_retry_" + i, "学员" + i,
                    TestPeople.residentId("540302", 900 + i), null, null), officer, null);
        }

        List<EventEnvelope> onKafka = TopicReader.readUntil(TestInfra.shared().kafkaBootstrapServers(), Topics.TRAINING,
                        rs -> rs.stream().filter(r -> classId.equals(r.key())).map(r -> EventJson.read(r.value()).eventId())
                                .distinct().count() >= 4, Duration.ofSeconds(60))
                .stream().filter(r -> classId.equals(r.key())).map(r -> EventJson.read(r.value())).toList();

        assertThat(FAILURES_LEFT.get()).as("the relay was made to fail").isZero();
        // a retried batch may be sent again (at-least-once); the first occurrences are complete and in order
        LinkedHashSet<Long> firstOccurrences = new LinkedHashSet<>();
        onKafka.forEach(e -> firstOccurrences.add(e.aggregateSequence()));
        assertThat(firstOccurrences).containsExactly(0L, 1L, 2L, 3L);
    }
}
