package cn.changdu.labour.support.web;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.support.axon.AxonStorageConfiguration;
import cn.changdu.labour.support.domain.RuleViolation;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Sends a command on behalf of an actor. Who recorded it and when it happened (business time; now unless the
 * request says otherwise) travel as metadata and are copied onto every event the command causes.
 */
public class DomainCommands {

    /** Clock skew tolerated between a client and the service for "not in the future". */
    private static final Duration SKEW = Duration.ofMinutes(5);

    private final CommandGateway gateway;
    private final Clock clock;

    public DomainCommands(CommandGateway gateway, Clock clock) {
        this.gateway = gateway;
        this.clock = clock;
    }

    public <R> R send(Object command, Actor actor, Instant occurredAt) {
        Instant now = clock.instant();
        Instant when = occurredAt != null ? occurredAt : now;
        if (when.isAfter(now.plus(SKEW))) {
            throw new RuleViolation("occurred-at-not-in-future", "occurredAt", "发生时间不能晚于当前时间");
        }
        MetaData metaData = MetaData.with(AxonStorageConfiguration.ACTOR_ID, actor.id())
                .and(AxonStorageConfiguration.ACTOR_DEPARTMENT, actor.department())
                .and(AxonStorageConfiguration.OCCURRED_AT, when.toString());
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
    }
}
