package cn.changdu.labour.employment.placement.app;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.contracts.person.PersonKeys;
import cn.changdu.labour.contracts.person.ResidentId;
import cn.changdu.labour.employment.placement.api.PlaceWorkerCommand;
import cn.changdu.labour.employment.placement.model.PlacementRules;
import cn.changdu.labour.employment.placement.query.PlacementQueries;
import cn.changdu.labour.support.imports.ImportReport;
import cn.changdu.labour.support.imports.RowImport;
import cn.changdu.labour.support.commands.DomainCommands;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Bulk import of a placement roster (the rows of a file the web layer has read and bound). Every row is checked
 * before anything is sent: format (done by the binder), the placement's own rules, one
 * active placement per person (read model, and no person twice in the file), recognised intermediaries and
 * registered households. Rows are then sent one command each (each person is their own record). Residual race: a
 * placement recorded for the same person by someone else between the check and the send refuses that row at
 * send time; it is reported and the rows before it stay recorded.
 */
@Service
public class PlacementImports {

    /** A row of a placement file, bound and validated by the web layer: the placement as entered. */
    public interface Row {
        Placements.NewPlacement placement();
    }

    private final DomainCommands commands;
    private final PersonKeys personKeys;
    private final PlacementQueries placements;
    private final NamedRecordsReader namedRecords;

    public PlacementImports(DomainCommands commands, PersonKeys personKeys, PlacementQueries placements,
                            NamedRecordsReader namedRecords) {
        this.commands = commands;
        this.personKeys = personKeys;
        this.placements = placements;
        this.namedRecords = namedRecords;
    }

    /** Checks every row of a file; records its good rows if all are good, or if {@code partial}. */
    public ImportReport importRoster(RowImport<? extends Row> rows, boolean partial, Instant occurredAt, Actor actor) {
        Map<Integer, PlaceWorkerCommand> byRow = new HashMap<>();
        rows.valid().forEach(bound -> byRow.put(bound.row(), command(bound.value().placement())));
        // what the checks need from the read models is read once for the whole file, not once per row
        Set<String> placedPeople = placements.activelyPlaced(byRow.values().stream().map(PlaceWorkerCommand::personKey)
                .toList());
        PlacementRules.NamedRecords named = namedRecords.of(byRow.values().stream()
                .map(PlaceWorkerCommand::details).toList());
        List<RowImport.Checked<PlaceWorkerCommand>> good = rows.check(bound -> {
            PlaceWorkerCommand command = byRow.get(bound.row());
            PlacementRules.check(command.channel(), command.destination(), command.expectedMonthlyIncome(),
                    command.details());
            PlacementRules.checkNamedRecords(command.channel(), command.details(), named);
            PlacementRules.requireNoActivePlacement(placedPeople.contains(command.personKey()),
                    rows.earlierRowOf(command.personKey(), bound.row()) != null);
            return command;
        });
        // each placement is its own aggregate: one command per row
        return commands.onFileOnce(() -> rows.applyEach(good, partial, command -> commands.send(command, actor, occurredAt)));
    }

    private PlaceWorkerCommand command(Placements.NewPlacement p) {
        ResidentId residentId = new ResidentId(p.residentId());
        return new PlaceWorkerCommand(personKeys.keyOf(residentId), UUID.randomUUID().toString(), p.name().strip(),
                residentId.value(), p.countyCode(), p.channel(), p.destination(), p.employer(), p.startDate(),
                p.expectedMonthlyIncome(), p.details());
    }
}
