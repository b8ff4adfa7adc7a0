package cn.changdu.labour.employment.placement.app;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.contracts.employment.Destination;
import cn.changdu.labour.contracts.employment.EndReason;
import cn.changdu.labour.contracts.employment.TransferChannel;
import cn.changdu.labour.contracts.employment.VerificationStatus;
import cn.changdu.labour.contracts.person.PersonKeys;
import cn.changdu.labour.contracts.person.ResidentId;
import cn.changdu.labour.employment.placement.api.EndEmploymentCommand;
import cn.changdu.labour.employment.placement.api.PlaceWorkerCommand;
import cn.changdu.labour.employment.placement.api.PlacementDetails;
import cn.changdu.labour.employment.placement.api.ReportIncomeCommand;
import cn.changdu.labour.employment.placement.api.VerifyEmploymentCommand;
import cn.changdu.labour.employment.placement.model.PlacementRules;
import cn.changdu.labour.support.commands.DomainCommands;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/** A placement and what follows it: its 3-month check, its end and its income per month. */
@Service
public class Placements {

    private final DomainCommands commands;
    private final PersonKeys personKeys;
    private final NamedRecordsReader namedRecords;

    public Placements(DomainCommands commands, PersonKeys personKeys, NamedRecordsReader namedRecords) {
        this.commands = commands;
        this.personKeys = personKeys;
        this.namedRecords = namedRecords;
    }

    /** A placement to record, as the officer entered it; {@code details} holds the optional facts. */
    public record NewPlacement(String name, String residentId, String countyCode, TransferChannel channel,
                               Destination destination, String employer, LocalDate startDate,
                               BigDecimal expectedMonthlyIncome, PlacementDetails details) {
    }

    /** The placement recorded and the person it belongs to. */
    public record Placed(String placementId, String personKey) {
    }

    public Placed place(NewPlacement placement, Actor actor, Instant occurredAt) {
        ResidentId residentId = new ResidentId(placement.residentId());
        String personKey = personKeys.keyOf(residentId);
        PlacementRules.checkNamedRecords(placement.channel(), placement.details(),
                namedRecords.of(List.of(placement.details())));
        String placementId = UUID.randomUUID().toString();
        commands.send(new PlaceWorkerCommand(personKey, placementId, placement.name().strip(), residentId.value(),
                placement.countyCode(), placement.channel(), placement.destination(), placement.employer(),
                placement.startDate(), placement.expectedMonthlyIncome(), placement.details()), actor, occurredAt);
        return new Placed(placementId, personKey);
    }

    /** Records the 3-month check; answers the person key. */
    public String verify(String placementId, String residentId, LocalDate verifiedOn, VerificationStatus status,
                         String remarks, Actor actor, Instant occurredAt) {
        String personKey = personKeys.keyOf(new ResidentId(residentId));
        commands.send(new VerifyEmploymentCommand(personKey, placementId, verifiedOn, status, remarks), actor,
                occurredAt);
        return personKey;
    }

    /** Records the end of the placement; answers the person key. */
    public String end(String placementId, String residentId, LocalDate endedOn, EndReason reason, String remarks,
                      Actor actor, Instant occurredAt) {
        String personKey = personKeys.keyOf(new ResidentId(residentId));
        commands.send(new EndEmploymentCommand(personKey, placementId, endedOn, reason, remarks), actor, occurredAt);
        return personKey;
    }

    /** Records a month's income; answers the person key. */
    public String reportIncome(String placementId, String residentId, YearMonth period, BigDecimal amount,
                               Actor actor, Instant occurredAt) {
        String personKey = personKeys.keyOf(new ResidentId(residentId));
        commands.send(new ReportIncomeCommand(personKey, placementId, period, amount), actor, occurredAt);
        return personKey;
    }
}
