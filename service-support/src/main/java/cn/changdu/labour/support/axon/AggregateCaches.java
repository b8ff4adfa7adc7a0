package cn.changdu.labour.support.axon;

import com.github.benmanes.caffeine.jcache.configuration.CaffeineConfiguration;
import com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.JCacheAdapter;
import org.axonframework.common.caching.NoCache;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.core.env.Environment;

import javax.cache.CacheManager;
import javax.cache.Caching;
import java.net.URI;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Caches of aggregates that gather many events (a training class: an event per enrolment, register, inspection …;
 * a project: thousands of roster and wage events a year), so that a command does not read and apply all of them
 * again. A service names one per aggregate ({@code @Aggregate(cache = "…")}, the bean made by {@link #cache}).
 * <p>
 * Axon's {@link JCacheAdapter} over Caffeine's JCache provider, bounded in entries
 * ({@code platform.aggregate-caches.<name>.max-entries}, default 64, 0 = no cache) and released after
 * {@code platform.aggregate-caches.<name>.expire-after-access} (default 30 min) without a command; entries are
 * held by reference (the aggregate itself, not a serialised copy). Not Axon's {@code WeakReferenceCache}, which
 * loses its entries at every GC.
 * <p>
 * A cached aggregate is only as fresh as this instance's own writes, so each use is checked against the event store
 * first ({@link CheckedAggregateCache}: one index lookup). Another instance writing between that check and the
 * append still ends in the store's unique (aggregate, sequence) key: a 409, nothing stored, and Axon drops the
 * entry on the rollback.
 * <p>
 * Each application context has a JCache manager of its own (its own URI), closed with the context: two instances
 * in one JVM must not share aggregates, whose locks are per instance.
 */
public class AggregateCaches implements AutoCloseable {

    private final CacheManager manager;
    private final Environment environment;
    private final Supplier<EventStore> eventStore;

    public AggregateCaches(String applicationName, Environment environment, Supplier<EventStore> eventStore) {
        this.manager = Caching.getCachingProvider(CaffeineCachingProvider.class.getName())
                .getCacheManager(URI.create(applicationName + ":aggregates:" + UUID.randomUUID()),
                        AggregateCaches.class.getClassLoader());
        this.environment = environment;
        this.eventStore = eventStore;
    }

    /** The cache called {@code name}, as configured under {@code platform.aggregate-caches.<name>}. */
    public Cache cache(String name) {
        String prefix = "platform.aggregate-caches." + name + ".";
        long maxEntries = environment.getProperty(prefix + "max-entries", Long.class, 64L);
        if (maxEntries <= 0) {
            return NoCache.INSTANCE;
        }
        Duration expireAfterAccess = environment.getProperty(prefix + "expire-after-access", Duration.class,
                Duration.ofMinutes(30));
        CaffeineConfiguration<Object, Object> configuration = new CaffeineConfiguration<>();
        configuration.setMaximumSize(OptionalLong.of(maxEntries));
        configuration.setExpireAfterAccess(OptionalLong.of(expireAfterAccess.toNanos()));
        configuration.setStoreByValue(false);
        return new CheckedAggregateCache(new JCacheAdapter(manager.createCache(name, configuration)), eventStore);
    }

    @Override
    public void close() {
        manager.close();
    }
}
