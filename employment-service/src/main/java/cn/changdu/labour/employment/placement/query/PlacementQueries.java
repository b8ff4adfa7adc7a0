package cn.changdu.labour.employment.placement.query;

import cn.changdu.labour.contracts.person.ResidentId;
import cn.changdu.labour.support.web.Caller;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads of the placements read model, personal data masked for callers who may not see it. */
@Component
public class PlacementQueries {

    private final MongoTemplate mongo;

    public PlacementQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Filters; null means any. */
    public record Filter(String countyCode, String channel, String employer, String householdId, String status,
                         Boolean overdue, String personKey, String intermediaryId, String jobFairId) {
    }

    public record PlacementView(String placementId, String personKey, String name, String residentId, String phone,
                                String countyCode, String township, String channel, String destination,
                                String destinationProvince, String organisedBy, boolean governmentOrganisedOutOfRegion,
                                String employer, String startDate, String expectedMonthlyIncome,
                                String intermediaryId, String trainingClassId, String projectId, String householdId,
                                String jobFairId, String status, String endedOn, String endReason,
                                String verificationDueOn, boolean verificationOverdue, String verifiedOn,
                                String verificationStatus, Map<String, String> incomeByPeriod, String totalIncome) {
    }

    public List<PlacementView> find(Filter filter, Caller caller) {
        Criteria criteria = new Criteria();
        List<Criteria> and = new ArrayList<>();
        eq(and, "countyCode", filter.countyCode());
        eq(and, "channel", filter.channel());
        eq(and, "employer", filter.employer());
        eq(and, "householdId", filter.householdId());
        eq(and, "status", filter.status());
        eq(and, "personKey", filter.personKey());
        eq(and, "intermediaryId", filter.intermediaryId());
        eq(and, "jobFairId", filter.jobFairId());
        if (filter.overdue() != null) {
            and.add(filter.overdue() ? Criteria.where("verificationOverdue").is(true)
                    : Criteria.where("verificationOverdue").ne(true));
        }
        if (!and.isEmpty()) {
            criteria = criteria.andOperator(and.toArray(Criteria[]::new));
        }
        Query query = new Query(criteria).with(Sort.by("startDate", "_id"));
        return mongo.find(query, Document.class, PlacementProjection.COLLECTION).stream()
                .map(d -> view(d, caller)).toList();
    }

    public Optional<PlacementView> byId(String placementId, Caller caller) {
        return Optional.ofNullable(mongo.findById(placementId, Document.class, PlacementProjection.COLLECTION))
                .map(d -> view(d, caller));
    }

    private static void eq(List<Criteria> and, String field, String value) {
        if (value != null && !value.isBlank()) {
            and.add(Criteria.where(field).is(value));
        }
    }

    static PlacementView view(Document d, Caller caller) {
        Map<String, String> income = new LinkedHashMap<>();
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        Object stored = d.get("income");
        if (stored instanceof Document periods) {
            for (String period : new java.util.TreeSet<>(periods.keySet())) {
                String amount = periods.getString(period);
                income.put(period, amount);
                total = total.add(new BigDecimal(amount));
            }
        }
        String residentId = d.getString("residentId");
        return new PlacementView(d.getString("_id"), d.getString("personKey"),
                caller.personal(d.getString("name"), Caller::maskName),
                caller.personal(residentId, v -> new ResidentId(v).masked()),
                caller.personal(d.getString("phone"), Caller::maskPhone),
                d.getString("countyCode"), d.getString("township"), d.getString("channel"), d.getString("destination"),
                d.getString("destinationProvince"), d.getString("organisedBy"),
                Boolean.TRUE.equals(d.getBoolean("governmentOrganisedOutOfRegion")),
                d.getString("employer"), d.getString("startDate"), d.getString("expectedMonthlyIncome"),
                d.getString("intermediaryId"), d.getString("trainingClassId"), d.getString("projectId"),
                d.getString("householdId"), d.getString("jobFairId"), d.getString("status"), d.getString("endedOn"),
                d.getString("endReason"), d.getString("verificationDueOn"),
                Boolean.TRUE.equals(d.getBoolean("verificationOverdue")), d.getString("verifiedOn"),
                d.getString("verificationStatus"), income, total.toPlainString());
    }
}
