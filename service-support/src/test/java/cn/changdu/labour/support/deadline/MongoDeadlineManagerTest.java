package cn.changdu.labour.support.deadline;

import cn.changdu.labour.infra.test.MutableClock;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** The deadline manager against a real mongo-java-server, with a small aggregate and a clock the test drives. */
class MongoDeadlineManagerTest {

    private static MongoServer server;
    private static MongoClient client;

    private final MutableClock clock = new MutableClock(Instant.parse("2020-07-01T00:00:00Z"));
    private final InMemoryEventStorageEngine events = new InMemoryEventStorageEngine();
    private final List<Configuration> running = new ArrayList<>();
    private MongoCollection<Document> collection;

    @BeforeAll
    static void startStore() {
        server = new MongoServer(H2Backend.inMemory());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
    }

    @AfterAll
    static void stopStore() {
        client.close();
        server.shutdownNow();
    }

    @BeforeEach
    void newCollection() {
        collection = client.getDatabase("deadlines_test").getCollection("deadlines-" + UUID.randomUUID());
        Reminder.failuresLeft.set(0);
    }

    @AfterEach
    void stop() {
        running.forEach(Configuration::shutdown);
    }

    @Test
    void a_deadline_fires_when_its_time_has_come_and_not_before() {
        Configuration axon = start();
        axon.commandGateway().sendAndWait(new CreateReminder("r-1", clock.instant().plus(Duration.ofDays(90))));
        MongoDeadlineManager deadlines = manager(axon);
        assertThat(deadlines.scheduledCount()).isEqualTo(1);

        clock.advance(Duration.ofDays(89));
        assertThat(deadlines.runDueDeadlines()).isZero();
        assertThat(eventTypes("r-1")).containsExactly("ReminderCreated");

        clock.advance(Duration.ofDays(1));
        assertThat(deadlines.runDueDeadlines()).isEqualTo(1);
        assertThat(eventTypes("r-1")).containsExactly("ReminderCreated", "ReminderFired");
        assertThat(deadlines.scheduledCount()).isZero();
    }

    @Test
    void the_deadline_carries_its_payload_and_metadata_to_the_handler() {
        Configuration axon = start();
        axon.commandGateway().sendAndWait(new CreateReminder("r-meta", clock.instant()));
        manager(axon).runDueDeadlines();
        EventMessage<?> fired = axon.eventStore().readEvents("r-meta").asStream().toList().get(1);
        assertThat(((ReminderFired) fired.getPayload()).note()).isEqualTo("note of r-meta");
    }

    @Test
    void a_cancelled_deadline_never_fires() {
        Configuration axon = start();
        axon.commandGateway().sendAndWait(new CreateReminder("r-2", clock.instant().plus(Duration.ofDays(1))));
        axon.commandGateway().sendAndWait(new CancelReminder("r-2"));
        clock.advance(Duration.ofDays(2));
        assertThat(manager(axon).runDueDeadlines()).isZero();
        assertThat(eventTypes("r-2")).containsExactly("ReminderCreated", "ReminderCancelled");
        assertThat(manager(axon).scheduledCount()).isZero();
    }

    @Test
    void cancel_all_and_cancel_all_within_a_scope_remove_only_what_they_name() {
        Configuration axon = start();
        axon.commandGateway().sendAndWait(new CreateReminder("r-3", clock.instant()));
        axon.commandGateway().sendAndWait(new CreateReminder("r-4", clock.instant()));
        axon.commandGateway().sendAndWait(new CreateReminder("r-5", clock.instant()));
        axon.commandGateway().sendAndWait(new CancelAllOfMine("r-3"));
        MongoDeadlineManager deadlines = manager(axon);
        assertThat(deadlines.scheduledCount()).isEqualTo(2);
        deadlines.cancelAll("other-name");
        assertThat(deadlines.scheduledCount()).isEqualTo(2);
        deadlines.cancelAll(Reminder.DEADLINE);
        assertThat(deadlines.scheduledCount()).isZero();
    }

    @Test
    void a_scheduled_deadline_survives_a_restart_of_the_manager() {
        Configuration before = start();
        before.commandGateway().sendAndWait(new CreateReminder("r-6", clock.instant().plus(Duration.ofHours(1))));
        before.shutdown();
        running.remove(before);

        Configuration after = start();
        clock.advance(Duration.ofHours(2));
        assertThat(manager(after).runDueDeadlines()).isEqualTo(1);
        assertThat(eventTypes("r-6")).containsExactly("ReminderCreated", "ReminderFired");
    }

    @Test
    void a_claimed_deadline_is_not_fired_by_a_second_instance_until_the_lease_expires() {
        Configuration axon = start();
        axon.commandGateway().sendAndWait(new CreateReminder("r-7", clock.instant()));
        MongoDeadlineManager first = manager(axon);
        MongoDeadlineManager second = newManager(axon);

        // the first instance claims the deadline and crashes before running it
        assertThat(first.claimNext()).isNotNull();
        assertThat(second.runDueDeadlines()).isZero();
        clock.advance(Duration.ofMinutes(4));
        assertThat(second.runDueDeadlines()).isZero();

        clock.advance(Duration.ofMinutes(2));
        assertThat(second.runDueDeadlines()).isEqualTo(1);
        assertThat(eventTypes("r-7")).containsExactly("ReminderCreated", "ReminderFired");
    }

    @Test
    void a_failing_deadline_is_retried_with_back_off_and_then_succeeds() {
        Configuration axon = start();
        axon.commandGateway().sendAndWait(new CreateReminder("r-8", clock.instant()));
        MongoDeadlineManager deadlines = manager(axon);
        Reminder.failuresLeft.set(2);

        assertThat(deadlines.runDueDeadlines()).isZero(); // attempt 1 fails: next in 10 s
        clock.advance(Duration.ofSeconds(9));
        assertThat(deadlines.runDueDeadlines()).isZero(); // not yet due
        clock.advance(Duration.ofSeconds(1));
        assertThat(deadlines.runDueDeadlines()).isZero(); // attempt 2 fails: next in 20 s
        clock.advance(Duration.ofSeconds(19));
        assertThat(deadlines.runDueDeadlines()).isZero();
        assertThat(deadlines.scheduledCount()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(deadlines.runDueDeadlines()).isEqualTo(1);
        assertThat(eventTypes("r-8")).containsExactly("ReminderCreated", "ReminderFired");
        assertThat(deadlines.backoff(30)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void the_poller_fires_due_deadlines_by_itself() throws Exception {
        Configuration axon = start();
        axon.commandGateway().sendAndWait(new CreateReminder("r-9", clock.instant()));
        MongoDeadlineManager deadlines = manager(axon);
        deadlines.start();
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (eventTypes("r-9").size() < 2 && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        deadlines.shutdown();
        assertThat(eventTypes("r-9")).containsExactly("ReminderCreated", "ReminderFired");
    }

    // ---------------------------------------------------------------- wiring

    private Configuration start() {
        Configuration configuration = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> JacksonSerializer.defaultSerializer())
                .configureEmbeddedEventStore(c -> events)
                .configureAggregate(Reminder.class)
                .registerComponent(DeadlineManager.class, this::newManager)
                .buildConfiguration();
        configuration.start();
        running.add(configuration);
        return configuration;
    }

    private MongoDeadlineManager newManager(Configuration c) {
        return MongoDeadlineManager.builder()
                .collection(collection)
                .serializer(c.serializer())
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(c))
                .clock(clock)
                .pollInterval(Duration.ofMillis(50))
                .lease(Duration.ofMinutes(5))
                .retryBackoff(Duration.ofSeconds(10), Duration.ofHours(1))
                .build();
    }

    private static MongoDeadlineManager manager(Configuration c) {
        return (MongoDeadlineManager) c.deadlineManager();
    }

    private List<String> eventTypes(String id) {
        return events.readEvents(id).asStream().map(e -> e.getPayloadType().getSimpleName()).toList();
    }

    // ---------------------------------------------------------------- a small aggregate

    record CreateReminder(@TargetAggregateIdentifier String id, Instant dueAt) {
    }

    record CancelReminder(@TargetAggregateIdentifier String id) {
    }

    record CancelAllOfMine(@TargetAggregateIdentifier String id) {
    }

    record ReminderCreated(String id, String deadlineId) {
    }

    record ReminderCancelled(String id) {
    }

    record ReminderFired(String id, String note) {
    }

    record ReminderDue(String id, String note) {
    }

    static class Reminder {
        static final String DEADLINE = "reminder-due";
        static final AtomicInteger failuresLeft = new AtomicInteger();

        @AggregateIdentifier
        private String id;
        private String deadlineId;

        Reminder() {
        }

        @CommandHandler
        Reminder(CreateReminder command, DeadlineManager deadlines) {
            String deadlineId = deadlines.schedule(command.dueAt(), DEADLINE,
                    new org.axonframework.messaging.GenericMessage<>(new ReminderDue(command.id(), "note of " + command.id()),
                            MetaData.with("actorId", "system")));
            apply(new ReminderCreated(command.id(), deadlineId));
        }

        @CommandHandler
        void handle(CancelReminder command, DeadlineManager deadlines) {
            deadlines.cancelSchedule(DEADLINE, deadlineId);
            apply(new ReminderCancelled(id));
        }

        @CommandHandler
        void handle(CancelAllOfMine command, DeadlineManager deadlines) {
            deadlines.cancelAllWithinScope(DEADLINE);
        }

        @DeadlineHandler(deadlineName = DEADLINE)
        void on(ReminderDue due) {
            if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new IllegalStateException("simulated failure");
            }
            apply(new ReminderFired(due.id(), due.note()));
        }

        @EventSourcingHandler
        void on(ReminderCreated event) {
            id = event.id();
            deadlineId = event.deadlineId();
        }
    }
}
