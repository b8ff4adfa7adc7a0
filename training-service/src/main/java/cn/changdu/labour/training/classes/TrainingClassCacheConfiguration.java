package cn.changdu.labour.training.classes;

import cn.changdu.labour.support.axon.AggregateCaches;
import org.axonframework.common.caching.Cache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The cache of {@code TrainingClass} aggregates ({@code @Aggregate(cache = "trainingClassCache")}): a class gathers
 * an event per enrolment, register, inspection, assessment, subsidy step and follow-up (a 2,000-row roster alone is
 * 1,980 enrolments). Configured under {@code platform.aggregate-caches.training-classes} (see
 * {@link AggregateCaches}).
 */
@Configuration(proxyBeanMethods = false)
public class TrainingClassCacheConfiguration {

    public static final String TRAINING_CLASS_CACHE = "trainingClassCache";

    @Bean(TRAINING_CLASS_CACHE)
    public Cache trainingClassCache(AggregateCaches caches) {
        return caches.cache("training-classes");
    }
}
