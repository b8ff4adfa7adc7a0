package cn.changdu.labour.employment.jobfairs.query;

import cn.changdu.labour.employment.jobfairs.api.JobFairCommands.JobFairHeldEvent;
import cn.changdu.labour.employment.placement.query.PlacementProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.List;

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

    public List<Document> find(String countyCode) {
        Query query = countyCode == null ? new Query() : new Query(Criteria.where("countyCode").is(countyCode));
        return mongo.find(query.with(Sort.by("heldOn")), Document.class, COLLECTION).stream().map(d -> {
            d.put("jobFairId", d.remove("_id"));
            d.put("placementsAttributed", mongo.count(new Query(Criteria.where("jobFairId").is(d.getString("jobFairId"))),
                    PlacementProjection.COLLECTION));
            return d;
        }).toList();
    }
}
