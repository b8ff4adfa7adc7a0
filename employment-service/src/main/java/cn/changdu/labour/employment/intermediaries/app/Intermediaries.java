package cn.changdu.labour.employment.intermediaries.app;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.contracts.employment.IntermediaryKind;
import cn.changdu.labour.employment.intermediaries.api.RecogniseIntermediaryCommand;
import cn.changdu.labour.employment.intermediaries.api.SuspendIntermediaryCommand;
import cn.changdu.labour.support.commands.DomainCommands;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Recognition and suspension of labour intermediaries by HR. */
@Service
public class Intermediaries {

    private final DomainCommands commands;

    public Intermediaries(DomainCommands commands) {
        this.commands = commands;
    }

    /** Recognises an intermediary; answers its new id. */
    public String recognise(String name, IntermediaryKind kind, String countyCode, String township,
                            LocalDate recognisedOn, Actor actor, Instant occurredAt) {
        String id = "im-" + UUID.randomUUID();
        commands.send(new RecogniseIntermediaryCommand(id, name.strip(), kind, countyCode, township, recognisedOn), actor,
                occurredAt);
        return id;
    }

    public void suspend(String intermediaryId, String reason, LocalDate suspendedOn, Actor actor, Instant occurredAt) {
        commands.send(new SuspendIntermediaryCommand(intermediaryId, reason, suspendedOn), actor, occurredAt);
    }
}
