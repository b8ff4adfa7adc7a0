package cn.changdu.labour.employment.urban.query;

import cn.changdu.labour.employment.urban.api.UrbanCommands.LabourForceBaseSetEvent;
import cn.changdu.labour.employment.urban.api.UrbanCommands.UnemploymentEndedEvent;
import cn.changdu.labour.employment.urban.api.UrbanCommands.UnemploymentRegisteredEvent;
import cn.changdu.labour.employment.urban.api.UrbanCommands.UrbanEmploymentRegisteredEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Urban employment read models: registrations ({@code urban_employment}, one per registration), registered
 * unemployment ({@code unemployment}, one per person, its current state) and labour-force bases
 * ({@code labour_force}, one per county and year).
 */
@Component
@ProcessingGroup("urban-query")
public class UrbanProjection {

    private final MongoTemplate mongo;

    public UrbanProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(UrbanEmploymentRegisteredEvent e) {
        mongo.upsert(byId(e.registrationId()), new Update().set("personKey", e.personKey())
                .set("countyCode", e.countyCode()).set("employer", e.employer())
                .set("registeredOn", e.registeredOn().toString()).set("year", e.registeredOn().getYear()),
                "urban_employment");
    }

    @EventHandler
    void on(UnemploymentRegisteredEvent e) {
        mongo.upsert(byId(e.personKey()), new Update().set("countyCode", e.countyCode()).set("unemployed", true)
                .set("registeredOn", e.registeredOn().toString()).unset("endedOn"), "unemployment");
    }

    @EventHandler
    void on(UnemploymentEndedEvent e) {
        mongo.upsert(byId(e.personKey()), new Update().set("unemployed", false).set("endedOn", e.endedOn().toString())
                .set("endReason", e.reason()), "unemployment");
    }

    @EventHandler
    void on(LabourForceBaseSetEvent e) {
        mongo.upsert(byId(e.countyCode() + ":" + e.year()), new Update().set("countyCode", e.countyCode())
                .set("year", e.year()).set("labourForce", e.labourForce()), "labour_force");
    }

    public record UnemploymentRate(String countyCode, int year, long registeredUnemployed, Long labourForce,
                                   String ratePercent, long urbanNewEmployment) {
    }

    /** The registered unemployment rate now (null rate when no base is set), for a county or (null) the city. */
    public UnemploymentRate rate(String countyCode, int year) {
        Criteria unemployed = Criteria.where("unemployed").is(true);
        Criteria bases = Criteria.where("year").is(year);
        Criteria registrations = Criteria.where("year").is(year);
        if (countyCode != null) {
            unemployed = unemployed.and("countyCode").is(countyCode);
            bases = bases.and("countyCode").is(countyCode);
            registrations = registrations.and("countyCode").is(countyCode);
        }
        long count = mongo.count(new Query(unemployed), "unemployment");
        long base = mongo.find(new Query(bases), Document.class, "labour_force").stream()
                .mapToLong(d -> ((Number) d.get("labourForce")).longValue()).sum();
        long newEmployment = mongo.count(new Query(registrations), "urban_employment");
        String rate = base == 0 ? null : BigDecimal.valueOf(count * 100L)
                .divide(BigDecimal.valueOf(base), 2, RoundingMode.HALF_UP).toPlainString();
        return new UnemploymentRate(countyCode, year, count, base == 0 ? null : base, rate, newEmployment);
    }

    private static Query byId(String id) {
        return new Query(Criteria.where("_id").is(id));
    }
}
