package cn.changdu.labour.employment.jobfairs.app;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.employment.jobfairs.api.RecordJobFairCommand;
import cn.changdu.labour.support.commands.DomainCommands;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Recording the county matching events (job fairs) that were held. */
@Service
public class JobFairs {

    private final DomainCommands commands;

    public JobFairs(DomainCommands commands) {
        this.commands = commands;
    }

    /** Records a job fair; answers its new id. */
    public String record(String countyCode, String name, LocalDate heldOn, int employers, int positionsOffered,
                         int attendance, Actor actor, Instant occurredAt) {
        String id = "fair-" + UUID.randomUUID();
        commands.send(new RecordJobFairCommand(id, countyCode, name.strip(), heldOn, employers, positionsOffered, attendance),
                actor, occurredAt);
        return id;
    }
}
