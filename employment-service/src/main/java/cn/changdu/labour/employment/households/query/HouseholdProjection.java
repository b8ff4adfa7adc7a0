package cn.changdu.labour.employment.households.query;

import cn.changdu.labour.employment.households.api.HouseholdCommands.RelocatedHouseholdRegisteredEvent;
import cn.changdu.labour.employment.placement.api.EmploymentEndedEvent;
import cn.changdu.labour.employment.placement.api.PlacementDetailsRecordedEvent;
import cn.changdu.labour.support.web.Caller;
import cn.changdu.labour.contracts.person.ResidentId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Relocated households and who of them is employed (collection {@code households}): the open placements naming a
 * household are kept as a set ({@code $addToSet}/{@code $pull}, idempotent), and {@code employed} is recomputed
 * from that set after every change.
 */
@Component
@ProcessingGroup("household-query")
public class HouseholdProjection {

    public static final String COLLECTION = "households";

    private final MongoTemplate mongo;

    public HouseholdProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(RelocatedHouseholdRegisteredEvent e) {
        mongo.upsert(byId(e.householdId()), new Update().set("countyCode", e.countyCode()).set("site", e.site())
                .set("headName", e.headName()).set("headResidentId", e.headResidentId())
                .set("membersAbleToWork", e.membersAbleToWork()).set("registeredOn", e.registeredOn().toString())
                .set("registered", true).setOnInsert("openPlacements", List.of()).setOnInsert("employed", false),
                COLLECTION);
    }

    @EventHandler
    void on(PlacementDetailsRecordedEvent e) {
        if (e.householdId() != null) {
            mongo.upsert(byId(e.householdId()), new Update().addToSet("openPlacements", e.placementId()), COLLECTION);
            recompute(e.householdId());
        }
    }

    @EventHandler
    void on(EmploymentEndedEvent e) {
        if (e.householdId() != null) {
            mongo.updateFirst(byId(e.householdId()), new Update().pull("openPlacements", e.placementId()), COLLECTION);
            recompute(e.householdId());
        }
    }

    private void recompute(String householdId) {
        Document household = mongo.findById(householdId, Document.class, COLLECTION);
        if (household != null) {
            List<?> open = household.getList("openPlacements", Object.class, List.of());
            mongo.updateFirst(byId(householdId), new Update().set("employed", !open.isEmpty())
                    .set("employedMembers", open.size()), COLLECTION);
        }
    }

    public boolean exists(String householdId) {
        return mongo.exists(new Query(Criteria.where("_id").is(householdId).and("registered").is(true)), COLLECTION);
    }

    /** The ids among {@code householdIds} of registered households ({@link #exists} for many), in one query. */
    public Set<String> registered(Collection<String> householdIds) {
        Set<String> registered = new HashSet<>();
        if (!householdIds.isEmpty()) {
            Query query = new Query(Criteria.where("_id").in(householdIds).and("registered").is(true));
            query.fields().include("_id");
            mongo.find(query, Document.class, COLLECTION).forEach(d -> registered.add(d.getString("_id")));
        }
        return registered;
    }

    public record HouseholdView(String householdId, String countyCode, String site, String headName,
                                String headResidentId, int membersAbleToWork, String registeredOn,
                                int employedMembers, boolean nobodyEmployed) {
    }

    /** Registered households by county and site, optionally only those with nobody employed. */
    public List<HouseholdView> find(String countyCode, String site, Boolean nobodyEmployed, Caller caller) {
        List<Criteria> and = new ArrayList<>();
        and.add(Criteria.where("registered").is(true));
        if (countyCode != null) {
            and.add(Criteria.where("countyCode").is(countyCode));
        }
        if (site != null) {
            and.add(Criteria.where("site").is(site));
        }
        if (nobodyEmployed != null) {
            and.add(Criteria.where("employed").is(!nobodyEmployed));
        }
        Query query = new Query(new Criteria().andOperator(and.toArray(Criteria[]::new))).with(Sort.by("site", "_id"));
        return mongo.find(query, Document.class, COLLECTION).stream().map(d -> {
            String id = d.getString("headResidentId");
            return new HouseholdView(d.getString("_id"), d.getString("countyCode"), d.getString("site"),
                    caller.personal(d.getString("headName"), Caller::maskName),
                    caller.personal(id, v -> new ResidentId(v).masked()),
                    d.getInteger("membersAbleToWork", 0), d.getString("registeredOn"),
                    d.getInteger("employedMembers", 0), !Boolean.TRUE.equals(d.getBoolean("employed")));
        }).toList();
    }

    /** Per site: households registered and those with nobody employed. */
    public List<Map<String, Object>> sites(String countyCode, Caller caller) {
        Map<String, int[]> bySite = new java.util.TreeMap<>();
        for (HouseholdView h : find(countyCode, null, null, caller)) {
            int[] counts = bySite.computeIfAbsent(h.countyCode() + "|" + h.site(), k -> new int[2]);
            counts[0]++;
            if (h.nobodyEmployed()) {
                counts[1]++;
            }
        }
        List<Map<String, Object>> result = new ArrayList<>();
        bySite.forEach((key, counts) -> result.add(Map.of("countyCode", key.substring(0, key.indexOf('|')),
                "site", key.substring(key.indexOf('|') + 1), "households", counts[0], "nobodyEmployed", counts[1])));
        return result;
    }

    private static Query byId(String id) {
        return new Query(Criteria.where("_id").is(id));
    }
}
