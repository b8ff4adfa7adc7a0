package cn.changdu.labour.contracts.employment;

import cn.changdu.labour.contracts.projectlabor.WorkerJoinedProject;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The platform's one rule for counting transfers (转移就业人数) without double counts across services: a person is
 * counted <b>once per calendar year</b>, by {@code personKey}, whichever service recorded them and however often.
 * <ul>
 *   <li>Sources: employment's {@link WorkerPlaced} (every channel, construction included) and project-labor's
 *   {@link WorkerJoinedProject} of a local farmer or herder (the construction channel; other joins are no
 *   transfer).</li>
 *   <li>The year is the year of the business date of the fact ({@code startDate}, {@code joinedOn}).</li>
 *   <li>The person counts in the channel and county of their <b>first</b> transfer of that year; on the same day an
 *   employment placement (which names its channel) wins over a roster entry; then the lower event id.</li>
 * </ul>
 * So a construction worker recorded both as a {@code CONSTRUCTION_PROJECT} placement and on a project's roster is
 * one transfer; reporting applies exactly this (and may reuse this class).
 */
public final class TransferCounting {

    private TransferCounting() {
    }

    /** Where a transfer fact came from; placements rank before roster entries on the same day. */
    public enum Source { PLACEMENT, PROJECT_ROSTER }

    /** One transfer fact, from either service. */
    public record Transfer(String eventId, String personKey, LocalDate date, TransferChannel channel,
                           String countyCode, Source source) {
    }

    public static Transfer of(String eventId, WorkerPlaced placed) {
        return new Transfer(eventId, placed.personKey(), placed.startDate(), placed.channel(), placed.countyCode(),
                Source.PLACEMENT);
    }

    /** A roster join is a transfer only for a local farmer or herder, counted for their home county. */
    public static Optional<Transfer> of(String eventId, WorkerJoinedProject joined) {
        return joined.localFarmerHerder()
                ? Optional.of(new Transfer(eventId, joined.personKey(), joined.joinedOn(),
                TransferChannel.CONSTRUCTION_PROJECT, joined.homeCountyCode(), Source.PROJECT_ROSTER))
                : Optional.empty();
    }

    private static final Comparator<Transfer> FIRST = Comparator.comparing(Transfer::date)
            .thenComparing(Transfer::source).thenComparing(Transfer::eventId);

    /** The transfer each person counts with in a year: their first of that year. */
    public static Map<String, Transfer> countedIn(int year, Collection<Transfer> transfers) {
        Map<String, Transfer> first = new HashMap<>();
        for (Transfer t : transfers) {
            if (t.date().getYear() == year) {
                first.merge(t.personKey(), t, (a, b) -> FIRST.compare(a, b) <= 0 ? a : b);
            }
        }
        return first;
    }

    /** People transferred in a year, per channel. */
    public static Map<TransferChannel, Long> perChannel(int year, Collection<Transfer> transfers) {
        Map<TransferChannel, Long> counts = new EnumMap<>(TransferChannel.class);
        for (TransferChannel channel : TransferChannel.values()) {
            counts.put(channel, 0L);
        }
        countedIn(year, transfers).values().forEach(t -> counts.merge(t.channel(), 1L, Long::sum));
        return counts;
    }
}
