package cn.changdu.labour.reporting.indicators;

import cn.changdu.labour.contracts.Counties;
import cn.changdu.labour.contracts.employment.TransferChannel;
import cn.changdu.labour.reporting.projection.Positions;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Computes the indicators, city-wide and per county, from the projected facts. */
@Component
public class Indicators {

    private final MongoCollection<Document> facts;
    private final Positions positions;
    private final Clock clock;

    public Indicators(MongoDatabase reportingDatabase, Positions positions, Clock clock) {
        this.facts = reportingDatabase.getCollection("facts");
        this.positions = positions;
        this.clock = clock;
    }

    /**
     * @param peopleTrained distinct persons enrolled (a person in two classes counts once)
     * @param wagesPaid     yuan, exact to the fen
     */
    public record Figures(long classesFiled, long traineesEnrolled, long peopleTrained, long workersPlaced,
                          Map<TransferChannel, Long> placementsByChannel, long projectsRegistered, long wagePayments,
                          @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal wagesPaid) {
    }

    public record CountyFigures(String countyCode, String countyName, Figures figures) {
    }

    public record Report(Instant generatedAt, Figures city, List<CountyFigures> counties,
                         List<Positions.TopicPosition> position) {
    }

    public Report current() {
        Instant now = clock.instant();
        Map<String, Tally> byCounty = new TreeMap<>();
        Counties.CHANGDU.keySet().forEach(code -> byCounty.put(code, new Tally()));
        Tally city = new Tally();

        for (Document group : facts.aggregate(List.of(Aggregates.group(
                new Document("type", "$type").append("county", "$countyCode").append("channel", "$channel"),
                Accumulators.sum("n", 1), Accumulators.sum("fen", "$amountFen"))))) {
            Document key = group.get("_id", Document.class);
            long n = ((Number) group.get("n")).longValue();
            Object fen = group.get("fen");
            long amountFen = fen instanceof Number number ? number.longValue() : 0;
            String county = key.getString("county");
            for (Tally tally : county != null ? List.of(city, byCounty.computeIfAbsent(county, c -> new Tally())) : List.of(city)) {
                tally.add(key.getString("type"), key.getString("channel"), n, amountFen);
            }
        }
        for (Document pair : facts.aggregate(List.of(
                Aggregates.match(Filters.eq("type", "training.TraineeEnrolled")),
                Aggregates.group(new Document("county", "$countyCode").append("person", "$personKey"))))) {
            Document key = pair.get("_id", Document.class);
            city.people.add(key.getString("person"));
            String county = key.getString("county");
            if (county != null) {
                byCounty.computeIfAbsent(county, c -> new Tally()).people.add(key.getString("person"));
            }
        }

        List<CountyFigures> counties = byCounty.entrySet().stream()
                .map(e -> new CountyFigures(e.getKey(), Counties.CHANGDU.getOrDefault(e.getKey(), e.getKey()),
                        e.getValue().figures()))
                .toList();
        return new Report(now, city.figures(), counties, positions.current());
    }

    /** Running totals for one scope (the city or a county). */
    private static final class Tally {
        private final Map<String, Long> byType = new LinkedHashMap<>();
        private final Map<TransferChannel, Long> byChannel = new EnumMap<>(TransferChannel.class);
        private final Set<String> people = new HashSet<>();
        private long wageFen;

        Tally() {
            for (TransferChannel channel : TransferChannel.values()) {
                byChannel.put(channel, 0L);
            }
        }

        void add(String type, String channel, long n, long fen) {
            byType.merge(type, n, Long::sum);
            if ("employment.WorkerPlaced".equals(type) && channel != null) {
                byChannel.merge(TransferChannel.valueOf(channel), n, Long::sum);
            }
            if ("projectlabor.WagePaid".equals(type)) {
                wageFen += fen;
            }
        }

        Figures figures() {
            return new Figures(count("training.ClassFiled"), count("training.TraineeEnrolled"), people.size(),
                    count("employment.WorkerPlaced"), Map.copyOf(byChannel), count("projectlabor.ProjectRegistered"),
                    count("projectlabor.WagePaid"), BigDecimal.valueOf(wageFen, 2));
        }

        private long count(String type) {
            return byType.getOrDefault(type, 0L);
        }
    }
}
