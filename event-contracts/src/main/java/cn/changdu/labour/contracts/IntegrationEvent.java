package cn.changdu.labour.contracts;

/**
 * The payload of an integration event. Every implementation is a record annotated with {@link EventType}
 * and listed in {@link EventTypes}; it carries no personal data (people appear as a {@code personKey}).
 */
public interface IntegrationEvent {
}
