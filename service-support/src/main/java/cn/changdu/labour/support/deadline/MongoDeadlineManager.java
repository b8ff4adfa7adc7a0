package cn.changdu.labour.support.deadline;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.deadline.AbstractDeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.GenericDeadlineMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.ScopeAwareProvider;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A persistent Axon {@link org.axonframework.deadline.DeadlineManager} on MongoDB, for stores without transactions
 * (mongo-java-server included): each schedule is one document in a collection of the service's own database, so
 * deadlines survive a restart.
 * <p>
 * A poller claims one due deadline at a time with an atomic {@code findOneAndUpdate} that sets a lease; two
 * instances therefore never fire the same deadline at once, and a lease left behind by a crashed instance expires
 * and is claimed again (delivery is at least once: a handler that ran but whose instance crashed before the delete
 * runs again, so deadline handlers must tolerate a repeat, as aggregates checking their state do). A deadline that
 * ran is deleted; one that failed is retried with exponential back-off. "Now" comes from the {@link Clock}, so tests
 * drive time and call {@link #runDueDeadlines()}.
 */
public class MongoDeadlineManager extends AbstractDeadlineManager {

    private static final Logger log = LoggerFactory.getLogger(MongoDeadlineManager.class);

    static final String NAME = "name";
    static final String SCOPE = "scope";
    static final String SCOPE_TYPE = "scopeType";
    static final String TRIGGER_AT = "triggerAt";
    static final String LEASE_UNTIL = "leaseUntil";
    static final String OWNER = "owner";
    static final String ATTEMPTS = "attempts";
    static final String LAST_ERROR = "lastError";
    static final String MESSAGE_ID = "messageId";
    static final String PAYLOAD = "payload";
    static final String PAYLOAD_TYPE = "payloadType";
    static final String PAYLOAD_REVISION = "payloadRevision";
    static final String META_DATA = "metaData";

    private final MongoCollection<Document> deadlines;
    private final Serializer serializer;
    private final ScopeAwareProvider scopeAwareProvider;
    private final TransactionManager transactionManager;
    private final Clock clock;
    private final Duration pollInterval;
    private final Duration lease;
    private final Duration retryBackoff;
    private final Duration maxRetryBackoff;
    private final String owner = UUID.randomUUID().toString();
    private ScheduledExecutorService poller;

    private MongoDeadlineManager(Builder builder) {
        this.deadlines = Objects.requireNonNull(builder.collection, "collection");
        this.serializer = Objects.requireNonNull(builder.serializer, "serializer");
        this.scopeAwareProvider = Objects.requireNonNull(builder.scopeAwareProvider, "scopeAwareProvider");
        this.transactionManager = builder.transactionManager;
        this.clock = builder.clock;
        this.pollInterval = builder.pollInterval;
        this.lease = builder.lease;
        this.retryBackoff = builder.retryBackoff;
        this.maxRetryBackoff = builder.maxRetryBackoff;
        // single-field indexes only: mongo-java-server ignores compound ones
        deadlines.createIndex(Indexes.ascending(TRIGGER_AT));
        deadlines.createIndex(Indexes.ascending(NAME));
    }

    public static Builder builder() {
        return new Builder();
    }

    // ---------------------------------------------------------------- scheduling

    @Override
    public String schedule(Instant triggerDateTime, String deadlineName, Object messageOrPayload,
                           ScopeDescriptor deadlineScope) {
        String deadlineId = UUID.randomUUID().toString();
        DeadlineMessage<Object> message = GenericDeadlineMessage.asDeadlineMessage(deadlineName, messageOrPayload,
                triggerDateTime);
        // stored when the scheduling unit of work commits: a refused command schedules nothing
        runOnPrepareCommitOrNow(() -> {
            DeadlineMessage<Object> intercepted = processDispatchInterceptors(message);
            SerializedObject<String> payload = serializer.serialize(intercepted.getPayload(), String.class);
            SerializedObject<String> metaData = serializer.serialize(intercepted.getMetaData(), String.class);
            deadlines.insertOne(new Document("_id", deadlineId)
                    .append(NAME, deadlineName)
                    .append(SCOPE_TYPE, deadlineScope.getClass().getName())
                    .append(SCOPE, scopeKey(deadlineScope))
                    .append(TRIGGER_AT, Date.from(triggerDateTime))
                    .append(LEASE_UNTIL, null)
                    .append(ATTEMPTS, 0)
                    .append(MESSAGE_ID, intercepted.getIdentifier())
                    .append(PAYLOAD, payload.getData())
                    .append(PAYLOAD_TYPE, payload.getType().getName())
                    .append(PAYLOAD_REVISION, payload.getType().getRevision())
                    .append(META_DATA, metaData.getData()));
        });
        return deadlineId;
    }

    @Override
    public void cancelSchedule(String deadlineName, String scheduleId) {
        runOnPrepareCommitOrNow(() -> deadlines.deleteOne(
                Filters.and(Filters.eq("_id", scheduleId), Filters.eq(NAME, deadlineName))));
    }

    @Override
    public void cancelAll(String deadlineName) {
        runOnPrepareCommitOrNow(() -> deadlines.deleteMany(Filters.eq(NAME, deadlineName)));
    }

    @Override
    public void cancelAllWithinScope(String deadlineName, ScopeDescriptor scope) {
        runOnPrepareCommitOrNow(() -> deadlines.deleteMany(Filters.and(Filters.eq(NAME, deadlineName),
                Filters.eq(SCOPE_TYPE, scope.getClass().getName()), Filters.eq(SCOPE, scopeKey(scope)))));
    }

    /** The scope in its serialized form: equal scopes serialize equally, so it also serves to match them. */
    private String scopeKey(ScopeDescriptor scope) {
        return serializer.serialize(scope, String.class).getData();
    }

    // ---------------------------------------------------------------- polling

    /** Starts polling every poll interval (in a daemon thread). */
    public synchronized void start() {
        if (poller != null) {
            return;
        }
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "mongo-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(this::pollQuietly, pollInterval.toMillis(), pollInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void shutdown() {
        if (poller != null) {
            poller.shutdown();
            try {
                poller.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            poller = null;
        }
    }

    private void pollQuietly() {
        try {
            runDueDeadlines();
        } catch (RuntimeException e) {
            log.warn("Polling deadlines failed; trying again in {}", pollInterval, e);
        }
    }

    /**
     * Claims and runs every deadline due now, one at a time. Called by the poller; tests call it directly.
     *
     * @return how many deadlines ran successfully
     */
    public int runDueDeadlines() {
        int ran = 0;
        Document claimed;
        while ((claimed = claimNext()) != null) {
            if (execute(claimed)) {
                ran++;
            }
        }
        return ran;
    }

    /** How many deadlines are stored (due or not, failing ones included). */
    public long scheduledCount() {
        return deadlines.countDocuments();
    }

    Document claimNext() {
        Date now = Date.from(clock.instant());
        Bson due = Filters.and(Filters.lte(TRIGGER_AT, now),
                Filters.or(Filters.eq(LEASE_UNTIL, null), Filters.lte(LEASE_UNTIL, now)));
        return deadlines.findOneAndUpdate(due,
                Updates.combine(Updates.set(LEASE_UNTIL, Date.from(clock.instant().plus(lease))),
                        Updates.set(OWNER, owner), Updates.inc(ATTEMPTS, 1)),
                new FindOneAndUpdateOptions().sort(Sorts.ascending(TRIGGER_AT)).returnDocument(ReturnDocument.AFTER));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private boolean execute(Document stored) {
        String id = stored.getString("_id");
        String name = stored.getString(NAME);
        try {
            ScopeDescriptor scope = serializer.deserialize(new SimpleSerializedObject<>(stored.getString(SCOPE),
                    String.class, stored.getString(SCOPE_TYPE), null));
            Object payload = serializer.deserialize(new SimpleSerializedObject<>(stored.getString(PAYLOAD),
                    String.class, stored.getString(PAYLOAD_TYPE), stored.getString(PAYLOAD_REVISION)));
            MetaData metaData = serializer.deserialize(new SimpleSerializedObject<>(stored.getString(META_DATA),
                    String.class, MetaData.class.getName(), null));
            GenericDeadlineMessage<Object> message = new GenericDeadlineMessage<>(name, stored.getString(MESSAGE_ID),
                    payload, metaData, stored.getDate(TRIGGER_AT).toInstant());
            UnitOfWork<DeadlineMessage<?>> unitOfWork = new DefaultUnitOfWork<>(message);
            unitOfWork.attachTransaction(transactionManager);
            DefaultInterceptorChain chain = new DefaultInterceptorChain(unitOfWork, handlerInterceptors(),
                    m -> {
                        deliver((DeadlineMessage<?>) m, scope);
                        return null;
                    });
            ResultMessage<?> result = unitOfWork.executeWithResult(chain::proceed);
            if (result.isExceptional()) {
                throw result.exceptionResult();
            }
        } catch (Throwable failure) {
            int attempts = stored.getInteger(ATTEMPTS, 1);
            Instant retryAt = clock.instant().plus(backoff(attempts));
            log.warn("Deadline {} [{}] failed (attempt {}); retrying at {}", name, id, attempts, retryAt, failure);
            // only while this instance still holds the claim: after an expired lease another may be running it
            deadlines.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq(OWNER, owner),
                            Filters.eq(LEASE_UNTIL, stored.getDate(LEASE_UNTIL))),
                    Updates.combine(Updates.set(TRIGGER_AT, Date.from(retryAt)), Updates.set(LEASE_UNTIL, null),
                            Updates.set(LAST_ERROR, String.valueOf(failure))));
            return false;
        }
        // outside the handler's failure path: if this delete fails, the lease keeps others off until it expires
        deadlines.deleteOne(Filters.eq("_id", id));
        return true;
    }

    private void deliver(DeadlineMessage<?> message, ScopeDescriptor scope) throws Exception {
        for (var component : scopeAwareProvider.provideScopeAwareStream(scope).filter(c -> c.canResolve(scope)).toList()) {
            component.send(message, scope);
        }
    }

    Duration backoff(int attempts) {
        Duration delay = retryBackoff.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return delay.compareTo(maxRetryBackoff) > 0 ? maxRetryBackoff : delay;
    }

    public static final class Builder {
        private MongoCollection<Document> collection;
        private Serializer serializer;
        private ScopeAwareProvider scopeAwareProvider;
        private TransactionManager transactionManager = NoTransactionManager.INSTANCE;
        private Clock clock = Clock.systemUTC();
        private Duration pollInterval = Duration.ofSeconds(1);
        private Duration lease = Duration.ofMinutes(5);
        private Duration retryBackoff = Duration.ofSeconds(10);
        private Duration maxRetryBackoff = Duration.ofHours(1);

        /** The collection that holds the schedules (in the service's own database). */
        public Builder collection(MongoCollection<Document> collection) {
            this.collection = collection;
            return this;
        }

        /** Serializes scope descriptors, payloads and metadata (Axon's general serializer). */
        public Builder serializer(Serializer serializer) {
            this.serializer = serializer;
            return this;
        }

        /** Finds the aggregates and sagas a deadline is for. */
        public Builder scopeAwareProvider(ScopeAwareProvider scopeAwareProvider) {
            this.scopeAwareProvider = scopeAwareProvider;
            return this;
        }

        public Builder transactionManager(TransactionManager transactionManager) {
            this.transactionManager = Objects.requireNonNull(transactionManager);
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        public Builder pollInterval(Duration pollInterval) {
            this.pollInterval = Objects.requireNonNull(pollInterval);
            return this;
        }

        /** How long a claimed deadline is reserved for the claiming instance before another may take it over. */
        public Builder lease(Duration lease) {
            this.lease = Objects.requireNonNull(lease);
            return this;
        }

        /** First retry delay after a failure; doubled on each further failure up to {@code max}. */
        public Builder retryBackoff(Duration first, Duration max) {
            this.retryBackoff = Objects.requireNonNull(first);
            this.maxRetryBackoff = Objects.requireNonNull(max);
            return this;
        }

        public MongoDeadlineManager build() {
            return new MongoDeadlineManager(this);
        }
    }
}
