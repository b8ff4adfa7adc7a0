package cn.changdu.labour.support.commands;

import cn.changdu.labour.kernel.BusinessTime;
import cn.changdu.labour.kernel.MetadataKeys;
import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.kernel.RuleViolation;
import cn.changdu.labour.support.axon.CommitsOnFile;
import cn.changdu.labour.support.input.StrictJson;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Sends a command on behalf of an actor. Who recorded it and when it happened (business time; now unless the
 * request says otherwise) travel as metadata and are copied onto every event the command causes. It returns once
 * the command's events are in the store's file ({@link CommitsOnFile}): an answered command survives a killed
 * service. The wait is here, after the command's unit of work, and not inside it: there it held the aggregate's
 * lock, so every command on a busy aggregate (a project's rosters and payrolls) waited for a file write of its own.
 * A request that sends many commands (an import: a command or two per row) waits once, at its end
 * ({@link #onFileOnce}).
 */
public class DomainCommands {

    /** Clock skew tolerated between a client and the service for "not in the future". */
    private static final Duration SKEW = StrictJson.SKEW;
    /** The first moment a business time may name: the plan's range, as the input policy has it. */
    private static final Instant EARLIEST = BusinessTime.startOf(StrictJson.EARLIEST);

    private final CommandGateway gateway;
    private final Clock clock;
    private final CommitsOnFile commitsOnFile;
    /** Set while this thread runs {@link #onFileOnce}: its sends leave the wait to it. */
    private final ThreadLocal<Boolean> waitingOnce = ThreadLocal.withInitial(() -> false);

    public DomainCommands(CommandGateway gateway, Clock clock, CommitsOnFile commitsOnFile) {
        this.gateway = gateway;
        this.clock = clock;
        this.commitsOnFile = commitsOnFile;
    }

    public <R> R send(Object command, Actor actor, Instant occurredAt) {
        Instant now = clock.instant();
        Instant when = occurredAt != null ? occurredAt : now;
        if (when.isAfter(now.plus(SKEW))) {
            throw new RuleViolation("occurred-at-not-in-future", "occurredAt", "发生时间不能晚于当前时间");
        }
        if (when.isBefore(EARLIEST)) {
            throw new RuleViolation("occurred-at-in-plan-range", "occurredAt", "发生时间不能早于 2016-01-01");
        }
        MetaData metaData = MetaData.with(MetadataKeys.ACTOR_ID, actor.id())
                .and(MetadataKeys.ACTOR_DEPARTMENT, actor.department())
                .and(MetadataKeys.OCCURRED_AT, when.toString());
        R result = gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
        if (!waitingOnce.get()) {
            commitsOnFile.await();
        }
        return result;
    }

    /**
     * Runs {@code work}, whose commands then return without waiting for the store's file, and waits once when it
     * is over, also when it fails (commands sent before the failure are answered as stored). With a file write per
     * row, a 200-row roster import took 400 writes one after the other.
     */
    public <T> T onFileOnce(Supplier<T> work) {
        if (waitingOnce.get()) {
            return work.get();
        }
        waitingOnce.set(true);
        try {
            return work.get();
        } finally {
            waitingOnce.remove();
            commitsOnFile.await();
        }
    }
}
