package cn.changdu.labour.reporting.indicators;

import cn.changdu.labour.contracts.Counties;
import cn.changdu.labour.contracts.employment.TransferChannel;
import cn.changdu.labour.reporting.projection.Fact;
import cn.changdu.labour.reporting.projection.Positions;
import com.fasterxml.jackson.annotation.JsonFormat;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The compact indicator summary (all time, or one year), city-wide and per county, from the live {@link Figures}. */
@Component
public class Indicators {

    private final cn.changdu.labour.reporting.indicators.Figures ledger;
    private final Positions positions;
    private final Clock clock;
    private final int planYear;

    public Indicators(cn.changdu.labour.reporting.indicators.Figures ledger, Positions positions, Clock clock,
                      @org.springframework.beans.factory.annotation.Value("${platform.plan.year:2020}") int planYear) {
        this.ledger = ledger;
        this.planYear = planYear;
        this.positions = positions;
        this.clock = clock;
    }

    /**
     * @param peopleTrained  distinct persons enrolled (a person in two classes counts once)
     * @param workersPlaced  distinct persons placed (transfers)
     * @param wagesPaid      yuan, exact to the fen
     */
    public record Figures(long classesFiled, long traineesEnrolled, long peopleTrained, long workersPlaced,
                          Map<TransferChannel, Long> placementsByChannel, long projectsRegistered, long wagePayments,
                          @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal wagesPaid) {
    }

    public record CountyFigures(String countyCode, String countyName, Figures figures) {
    }

    /** @param year the year summed up, or null for everything ever recorded */
    public record Report(Integer year, Instant generatedAt, Figures city, List<CountyFigures> counties,
                         List<Positions.TopicPosition> position) {
    }

    public Report current(Integer year) {
        String period = year != null ? String.valueOf(year) : Fact.ALL_TIME;
        cn.changdu.labour.reporting.indicators.Figures.Source source = ledger.live(year != null ? year : planYear);
        List<CountyFigures> counties = new TreeMap<>(Counties.CHANGDU).entrySet().stream()
                .map(e -> new CountyFigures(e.getKey(), e.getValue(), figures(source, e.getKey(), period)))
                .toList();
        return new Report(year, clock.instant(), figures(source, Fact.CITY, period), counties,
                positions.current());
    }

    private Figures figures(cn.changdu.labour.reporting.indicators.Figures.Source ledger, String area, String period) {
        Map<TransferChannel, Long> byChannel = new EnumMap<>(TransferChannel.class);
        for (TransferChannel channel : TransferChannel.values()) {
            byChannel.put(channel, count(ledger, IndicatorCatalog.channelIndicator(channel), area, period));
        }
        return new Figures(count(ledger, "classesFiled", area, period), count(ledger, "enrolments", area, period),
                count(ledger, "peopleTrained", area, period), count(ledger, "transfers", area, period), byChannel,
                count(ledger, "projectsRegistered", area, period), count(ledger, "wagePayments", area, period),
                ledger.value("wagesPaid", area, period));
    }

    private static long count(cn.changdu.labour.reporting.indicators.Figures.Source ledger, String indicator, String area,
                              String period) {
        return ledger.value(indicator, area, period).longValueExact();
    }
}
