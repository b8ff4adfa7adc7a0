package cn.changdu.labour.employment.urban.app;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.contracts.person.PersonKeys;
import cn.changdu.labour.contracts.person.ResidentId;
import cn.changdu.labour.employment.urban.api.UrbanCommands;
import cn.changdu.labour.employment.urban.api.UrbanCommands.EndUnemployment;
import cn.changdu.labour.employment.urban.api.UrbanCommands.RegisterUnemployment;
import cn.changdu.labour.employment.urban.api.UrbanCommands.RegisterUrbanEmployment;
import cn.changdu.labour.employment.urban.api.UrbanCommands.SetLabourForceBase;
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
        commands.send(new RegisterUrbanEmployment(UrbanCommands.urbanId(personKey), personKey, registrationId,
                name.strip(), id.value(), countyCode, employer.strip(), registeredOn), actor, occurredAt);
        return new Registered(registrationId, personKey);
    }

    /** Registers unemployment; answers the person key. */
    public String registerUnemployment(String name, String residentId, String countyCode, LocalDate registeredOn,
                                       Actor actor, Instant occurredAt) {
        ResidentId id = new ResidentId(residentId);
        String personKey = personKeys.keyOf(id);
        commands.send(new RegisterUnemployment(UrbanCommands.urbanId(personKey), personKey, name.strip(), id.value(),
                countyCode, registeredOn), actor, occurredAt);
        return personKey;
    }

    /** Ends a registered unemployment ({@code OTHER} unless a reason is given); answers the person key. */
    public String endUnemployment(String residentId, LocalDate endedOn, String reason, Actor actor,
                                  Instant occurredAt) {
        String personKey = personKeys.keyOf(new ResidentId(residentId));
        commands.send(new EndUnemployment(UrbanCommands.urbanId(personKey), endedOn, reason == null ? "OTHER" : reason),
                actor, occurredAt);
        return personKey;
    }

    public void setLabourForce(String countyCode, int year, long labourForce, Actor actor, Instant occurredAt) {
        commands.send(new SetLabourForceBase(SetLabourForceBase.idOf(countyCode, year), countyCode, year, labourForce),
                actor, occurredAt);
    }
}
