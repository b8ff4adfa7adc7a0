package cn.changdu.labour.support.relay;

import cn.changdu.labour.contracts.IntegrationEvent;

import java.util.Optional;

/**
 * Translates a service's own domain events into the published language. Each domain service declares one as a
 * bean; domain events it maps to empty stay internal.
 */
@FunctionalInterface
public interface IntegrationEventMapper {

    Optional<Outgoing> map(Object domainEvent);

    /**
     * @param payload    the integration event
     * @param countyCode GB/T 2260 code of the county the fact counts for
     */
    record Outgoing(IntegrationEvent payload, String countyCode) {
    }
}
