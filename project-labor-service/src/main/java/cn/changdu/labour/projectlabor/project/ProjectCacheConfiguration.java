package cn.changdu.labour.projectlabor.project;

import cn.changdu.labour.support.axon.AggregateCaches;
import org.axonframework.common.caching.Cache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The cache of {@code Project} aggregates ({@code @Aggregate(cache = "projectCache")}): a project gathers thousands
 * of roster and wage events in a year. Configured under {@code platform.aggregate-caches.projects} (see
 * {@link AggregateCaches}).
 */
@Configuration(proxyBeanMethods = false)
public class ProjectCacheConfiguration {

    public static final String PROJECT_CACHE = "projectCache";

    @Bean(PROJECT_CACHE)
    public Cache projectCache(AggregateCaches caches) {
        return caches.cache("projects");
    }
}
