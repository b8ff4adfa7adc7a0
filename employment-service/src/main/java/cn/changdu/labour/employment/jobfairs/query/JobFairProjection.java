package cn.changdu.labour.employment.jobfairs.query;

import cn.changdu.labour.employment.jobfairs.api.JobFairCommands.JobFairHeldEvent;
import cn.changdu.labour.employment.placement.query.PlacementQueries;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.Collection;
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
    private final PlacementQueries placements;

    public JobFairProjection(MongoTemplate mongo, PlacementQueries placements) {
        this.mongo = mongo;
        this.placements = placements;
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
        Map<String, Long> attributed = placements.countsByJobFair(fairs.stream().map(d -> d.getString("_id")).toList());
        return fairs.stream().map(d -> {
            d.put("jobFairId", d.remove("_id"));
            d.put("placementsAttributed", attributed.getOrDefault(d.getString("jobFairId"), 0L));
            return d;
        }).toList();
    }
}
