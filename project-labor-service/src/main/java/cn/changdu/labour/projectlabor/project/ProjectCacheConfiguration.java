package cn.changdu.labour.projectlabor.project;

import com.github.benmanes.caffeine.jcache.configuration.CaffeineConfiguration;
import com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.JCacheAdapter;
import org.axonframework.common.caching.NoCache;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.cache.CacheManager;
import javax.cache.Caching;
import java.net.URI;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The cache of {@code Project} aggregates ({@code @Aggregate(cache = "projectCache")}): a project gathers thousands
 * of roster and wage events in a year, and without the cache every command on it reads and applies all of them
 * again. Axon's {@link JCacheAdapter} over Caffeine's JCache provider, bounded in entries
 * ({@code platform.projects.cache.max-entries}, 0 = no cache) and released after
 * {@code platform.projects.cache.expire-after-access} without a command; entries are held by reference (the
 * aggregate itself, not a copy).
 * <p>
 * A cached project is only as fresh as this instance's own writes, so each use is checked against the event store
 * first ({@link CheckedAggregateCache}: one index lookup); a project another instance has written since is read
 * from the store. Another instance writing between that check and this one's append still makes the append take a
 * sequence number that is taken: the event store's unique (aggregate, sequence) key refuses it, the caller gets a
 * 409, nothing is stored, and Axon drops the entry on the rollback (TwoInstancesTest).
 * <p>
 * Each application context has a JCache manager of its own (its own URI), closed with the context: two instances
 * in one JVM must not share aggregates, whose locks are per instance.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectCacheConfiguration {

    public static final String PROJECT_CACHE = "projectCache";

    @Bean(destroyMethod = "close")
    public CacheManager projectCacheManager() {
        return Caching.getCachingProvider(CaffeineCachingProvider.class.getName())
                .getCacheManager(URI.create("project-labor-service:aggregates:" + UUID.randomUUID()),
                        ProjectCacheConfiguration.class.getClassLoader());
    }

    @Bean(PROJECT_CACHE)
    public Cache projectCache(CacheManager projectCacheManager, ObjectProvider<EventStore> eventStore,
                              @Value("${platform.projects.cache.max-entries:64}") long maxEntries,
                              @Value("${platform.projects.cache.expire-after-access:30m}") Duration expireAfterAccess) {
        if (maxEntries <= 0) {
            return NoCache.INSTANCE;
        }
        CaffeineConfiguration<Object, Object> configuration = new CaffeineConfiguration<>();
        configuration.setMaximumSize(OptionalLong.of(maxEntries));
        configuration.setExpireAfterAccess(OptionalLong.of(expireAfterAccess.toNanos()));
        configuration.setStoreByValue(false);
        return new CheckedAggregateCache(new JCacheAdapter(projectCacheManager.createCache("projects", configuration)),
                eventStore::getObject);
    }
}
