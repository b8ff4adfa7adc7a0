package cn.changdu.labour.employment.jobfairs.query;

import cn.changdu.labour.employment.jobfairs.api.JobFairCommands.JobFairHeldEvent;
import cn.changdu.labour.employment.placement.query.PlacementProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Job fairs (collection {@code job_fairs}); placements attributed are counted from the placements read model. */
@Component
@ProcessingGroup("job-fair-query")
public class JobFairProjection {

    public static final String COLLECTION = "job_fairs";

    private final MongoTemplate mongo;

    public JobFairProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(JobFairHeldEvent e) {
        mongo.upsert(new Query(Criteria.where("_id").is(e.jobFairId())), new Update().set("countyCode", e.countyCode())
                .set("name", e.name()).set("heldOn", e.heldOn().toString()).set("employers", e.employers())
                .set("positionsOffered", e.positionsOffered()).set("attendance", e.attendance()), COLLECTION);
    }

    public boolean exists(String jobFairId) {
        return mongo.exists(new Query(Criteria.where("_id").is(jobFairId)), COLLECTION);
    }

    /** The ids among {@code jobFairIds} of job fairs that were held, read in one query. */
    public Set<String> held(Collection<String> jobFairIds) {
        Set<String> held = new HashSet<>();
        if (!jobFairIds.isEmpty()) {
            Query query = new Query(Criteria.where("_id").in(jobFairIds));
            query.fields().include("_id");
            mongo.find(query, Document.class, COLLECTION).forEach(d -> held.add(d.getString("_id")));
        }
        return held;
    }

    public List<Document> find(String countyCode) {
        Query query = countyCode == null ? new Query() : new Query(Criteria.where("countyCode").is(countyCode));
        List<Document> fairs = mongo.find(query.with(Sort.by("heldOn")), Document.class, COLLECTION);
        Map<String, Long> placements = placementsAttributed(fairs.stream().map(d -> d.getString("_id")).toList());
        return fairs.stream().map(d -> {
            d.put("jobFairId", d.remove("_id"));
            d.put("placementsAttributed", placements.getOrDefault(d.getString("jobFairId"), 0L));
            return d;
        }).toList();
    }

    /** Placements per job fair, for all the fairs listed in one aggregation ($match, $group) rather than one per fair. */
    private Map<String, Long> placementsAttributed(List<String> jobFairIds) {
        Map<String, Long> counts = new HashMap<>();
        if (!jobFairIds.isEmpty()) {
            Aggregation perFair = Aggregation.newAggregation(
                    Aggregation.match(Criteria.where("jobFairId").in(jobFairIds)),
                    Aggregation.group("jobFairId").count().as("placements"));
            mongo.aggregate(perFair, PlacementProjection.COLLECTION, Document.class)
                    .forEach(d -> counts.put(d.getString("_id"), ((Number) d.get("placements")).longValue()));
        }
        return counts;
    }
}
