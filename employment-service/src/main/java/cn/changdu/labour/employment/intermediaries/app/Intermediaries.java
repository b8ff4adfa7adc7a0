package cn.changdu.labour.employment.intermediaries.app;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.contracts.employment.IntermediaryKind;
import cn.changdu.labour.employment.intermediaries.api.IntermediaryCommands.RecogniseIntermediary;
import cn.changdu.labour.employment.intermediaries.api.IntermediaryCommands.SuspendIntermediary;
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
        commands.send(new RecogniseIntermediary(id, name.strip(), kind, countyCode, township, recognisedOn), actor,
                occurredAt);
        return id;
    }

    public void suspend(String intermediaryId, String reason, LocalDate suspendedOn, Actor actor, Instant occurredAt) {
        commands.send(new SuspendIntermediary(intermediaryId, reason, suspendedOn), actor, occurredAt);
    }
}
