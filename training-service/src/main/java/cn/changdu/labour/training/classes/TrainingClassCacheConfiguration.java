package cn.changdu.labour.training.classes;

import com.github.benmanes.caffeine.jcache.configuration.CaffeineConfiguration;
import com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.JCacheAdapter;
import org.axonframework.common.caching.NoCache;
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
 * The cache of {@code TrainingClass} aggregates ({@code @Aggregate(cache = "trainingClassCache")}): a class gathers an
 * event per enrolment, register, inspection, assessment, subsidy step and follow-up (a 2,000-row roster alone is
 * 1,980 enrolments), and without the cache every command on it reads and applies all of them again. Axon's
 * {@link JCacheAdapter} over Caffeine's JCache provider (both versions from Spring Boot's dependency management),
 * bounded in entries ({@code training.class-cache.max-entries}, 0 = no cache) and released after
 * {@code training.class-cache.expire-after-access} without a command; entries are held by reference (the aggregate
 * itself, not a serialised copy). Not Axon's {@code WeakReferenceCache}, which loses its entries at every GC.
 * <p>
 * A cached class is only as fresh as this instance's own writes. Had another instance written the class since, the
 * next command here appends at a sequence number that is taken: the event store's unique (aggregate, sequence) key
 * refuses it, the caller gets a 409, nothing is stored (the unit of work's events share one transaction), and Axon
 * drops the entry on the rollback, so the retry loads the class from the store. Any refused command drops the
 * entry the same way (the next command reads the class once).
 * <p>
 * Each application context has a JCache manager of its own (its own URI), closed with the context: two instances in
 * one JVM must not share aggregates, whose locks are per instance.
 */
@Configuration(proxyBeanMethods = false)
public class TrainingClassCacheConfiguration {

    public static final String TRAINING_CLASS_CACHE = "trainingClassCache";

    @Bean(destroyMethod = "close")
    public CacheManager trainingClassCacheManager() {
        return Caching.getCachingProvider(CaffeineCachingProvider.class.getName())
                .getCacheManager(URI.create("training-service:aggregates:" + UUID.randomUUID()),
                        TrainingClassCacheConfiguration.class.getClassLoader());
    }

    @Bean(TRAINING_CLASS_CACHE)
    public Cache trainingClassCache(CacheManager trainingClassCacheManager,
                                    @Value("${training.class-cache.max-entries:64}") long maxEntries,
                                    @Value("${training.class-cache.expire-after-access:30m}") Duration expireAfterAccess) {
        if (maxEntries <= 0) {
            return NoCache.INSTANCE;
        }
        CaffeineConfiguration<Object, Object> configuration = new CaffeineConfiguration<>();
        configuration.setMaximumSize(OptionalLong.of(maxEntries));
        configuration.setExpireAfterAccess(OptionalLong.of(expireAfterAccess.toNanos()));
        configuration.setStoreByValue(false);
        return new JCacheAdapter(trainingClassCacheManager.createCache("training-classes", configuration));
    }
}
