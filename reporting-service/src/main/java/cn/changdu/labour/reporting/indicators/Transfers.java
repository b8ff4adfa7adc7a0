package cn.changdu.labour.reporting.indicators;

import cn.changdu.labour.contracts.EventJson;
import cn.changdu.labour.contracts.employment.TransferCounting;
import cn.changdu.labour.contracts.employment.WorkerPlaced;
import cn.changdu.labour.contracts.projectlabor.WorkerJoinedProject;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bson.Document;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * People transferred, counted by {@link TransferCounting}, the platform's one rule: once per year by personKey,
 * across employment placements and project rosters (local farmers and herders), in the channel, home county and
 * quarter of their first transfer of the year. A late fact with an earlier date moves the person accordingly.
 */
final class Transfers {

    private static final ObjectMapper JSON = EventJson.mapper();

    /** year → person → the transfer the person counts with */
    private final Map<Integer, Map<String, TransferCounting.Transfer>> first = new HashMap<>();

    synchronized void add(Document fact, Map<String, Object> payload) {
        Optional<TransferCounting.Transfer> transfer = switch (fact.getString("type")) {
            case "employment.WorkerPlaced" -> Optional.of(TransferCounting.of(fact.getString("_id"),
                    JSON.convertValue(payload, WorkerPlaced.class)));
            case "projectlabor.WorkerJoinedProject" -> TransferCounting.of(fact.getString("_id"),
                    JSON.convertValue(payload, WorkerJoinedProject.class));
            default -> Optional.empty();
        };
        transfer.ifPresent(t -> {
            int year = t.date().getYear();
            first.computeIfAbsent(year, y -> new HashMap<>()).merge(t.personKey(), t,
                    (a, b) -> TransferCounting.countedIn(year, List.of(a, b)).get(t.personKey()));
        });
    }

    /** People counted in an area (city or county; departments have none) and period, optionally one channel. */
    synchronized long count(String area, String period, String channel) {
        return first.entrySet().stream()
                .filter(e -> period.equals(Ledger.ALL_TIME) || period.startsWith(String.valueOf(e.getKey())))
                .flatMap(e -> e.getValue().values().stream())
                .filter(t -> area.equals(Ledger.CITY) || area.equals(t.countyCode()))
                .filter(t -> !period.contains("Q") || period.endsWith("Q" + ((t.date().getMonthValue() - 1) / 3 + 1)))
                .filter(t -> channel == null || channel.equals(t.channel().name()))
                .count();
    }
}
