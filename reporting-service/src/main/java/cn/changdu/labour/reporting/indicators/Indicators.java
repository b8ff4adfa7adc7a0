package cn.changdu.labour.reporting.indicators;

import cn.changdu.labour.contracts.Counties;
import cn.changdu.labour.contracts.employment.TransferChannel;
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

/** The compact indicator summary (all time, or one year), city-wide and per county, from the live {@link Ledger}. */
@Component
public class Indicators {

    private static final Map<TransferChannel, String> CHANNELS = Map.of(
            TransferChannel.ORGANISED_OUT_OF_REGION, "transfersOrganisedOutOfRegion",
            TransferChannel.CONSTRUCTION_PROJECT, "transfersConstruction",
            TransferChannel.LOCAL_INDUSTRY, "transfersLocalIndustry",
            TransferChannel.SOCIAL_FORCES, "transfersSocialForces",
            TransferChannel.PRIVATE_ENTERPRISE, "transfersPrivateEnterprise");

    private final Ledger ledger;
    private final Positions positions;
    private final Clock clock;

    public Indicators(Ledger ledger, Positions positions, Clock clock) {
        this.ledger = ledger;
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
        String period = year != null ? String.valueOf(year) : Ledger.ALL_TIME;
        List<CountyFigures> counties = new TreeMap<>(Counties.CHANGDU).entrySet().stream()
                .map(e -> new CountyFigures(e.getKey(), e.getValue(), figures(e.getKey(), period)))
                .toList();
        return new Report(year, clock.instant(), figures(Ledger.CITY, period), counties,
                positions.current());
    }

    private Figures figures(String area, String period) {
        Map<TransferChannel, Long> byChannel = new EnumMap<>(TransferChannel.class);
        CHANNELS.forEach((channel, indicator) -> byChannel.put(channel, count(indicator, area, period)));
        return new Figures(count("classesFiled", area, period), count("enrolments", area, period),
                count("peopleTrained", area, period), count("transfers", area, period), byChannel,
                count("projectsRegistered", area, period), count("wagePayments", area, period),
                ledger.value("wagesPaid", area, period));
    }

    private long count(String indicator, String area, String period) {
        return ledger.value(indicator, area, period).longValueExact();
    }
}
