package cn.changdu.labour.employment.urban.app;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.contracts.person.PersonKeys;
import cn.changdu.labour.contracts.person.ResidentId;
import cn.changdu.labour.employment.urban.api.UrbanIds;
import cn.changdu.labour.employment.urban.api.EndUnemploymentCommand;
import cn.changdu.labour.employment.urban.api.RegisterUnemploymentCommand;
import cn.changdu.labour.employment.urban.api.RegisterUrbanEmploymentCommand;
import cn.changdu.labour.employment.urban.api.SetLabourForceBaseCommand;
import cn.changdu.labour.support.commands.DomainCommands;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Urban new employment, registered unemployment and the counties' labour-force bases. */
@Service
public class UrbanEmployment {

    private final DomainCommands commands;
    private final PersonKeys personKeys;

    public UrbanEmployment(DomainCommands commands, PersonKeys personKeys) {
        this.commands = commands;
        this.personKeys = personKeys;
    }

    /** The registration recorded and the person it belongs to. */
    public record Registered(String registrationId, String personKey) {
    }

    public Registered registerEmployment(String name, String residentId, String countyCode, String employer,
                                         LocalDate registeredOn, Actor actor, Instant occurredAt) {
        ResidentId id = new ResidentId(residentId);
        String personKey = personKeys.keyOf(id);
        String registrationId = "ue-" + UUID.randomUUID();
        commands.send(new RegisterUrbanEmploymentCommand(UrbanIds.urbanId(personKey), personKey, registrationId,
                name.strip(), id.value(), countyCode, employer.strip(), registeredOn), actor, occurredAt);
        return new Registered(registrationId, personKey);
    }

    /** Registers unemployment; answers the person key. */
    public String registerUnemployment(String name, String residentId, String countyCode, LocalDate registeredOn,
                                       Actor actor, Instant occurredAt) {
        ResidentId id = new ResidentId(residentId);
        String personKey = personKeys.keyOf(id);
        commands.send(new RegisterUnemploymentCommand(UrbanIds.urbanId(personKey), personKey, name.strip(), id.value(),
                countyCode, registeredOn), actor, occurredAt);
        return personKey;
    }

    /** Ends a registered unemployment ({@code OTHER} unless a reason is given); answers the person key. */
    public String endUnemployment(String residentId, LocalDate endedOn, String reason, Actor actor,
                                  Instant occurredAt) {
        String personKey = personKeys.keyOf(new ResidentId(residentId));
        commands.send(new EndUnemploymentCommand(UrbanIds.urbanId(personKey), endedOn, reason == null ? "OTHER" : reason),
                actor, occurredAt);
        return personKey;
    }

    public void setLabourForce(String countyCode, int year, long labourForce, Actor actor, Instant occurredAt) {
        commands.send(new SetLabourForceBaseCommand(SetLabourForceBaseCommand.idOf(countyCode, year), countyCode, year, labourForce),
                actor, occurredAt);
    }
}
