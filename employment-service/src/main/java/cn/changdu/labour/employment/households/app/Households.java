package cn.changdu.labour.employment.households.app;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.contracts.person.ResidentId;
import cn.changdu.labour.employment.households.api.RegisterRelocatedHouseholdCommand;
import cn.changdu.labour.support.commands.DomainCommands;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Registration of relocated households. */
@Service
public class Households {

    private final DomainCommands commands;

    public Households(DomainCommands commands) {
        this.commands = commands;
    }

    /** Registers a household; answers its new id. */
    public String register(String countyCode, String site, String headName, String headResidentId,
                           int membersAbleToWork, LocalDate registeredOn, Actor actor, Instant occurredAt) {
        String householdId = "hh-" + UUID.randomUUID();
        commands.send(new RegisterRelocatedHouseholdCommand(householdId, countyCode, site.strip(), headName.strip(),
                new ResidentId(headResidentId).value(), membersAbleToWork, registeredOn), actor, occurredAt);
        return householdId;
    }
}
