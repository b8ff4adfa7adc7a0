package cn.changdu.labour.employment.jobs.query;

import cn.changdu.labour.employment.jobs.api.JobPostingCommands.JobPostingFilledEvent;
import cn.changdu.labour.employment.jobs.api.JobPostingCommands.JobPostingPublishedEvent;
import cn.changdu.labour.employment.jobs.api.JobPostingCommands.JobPostingWithdrawnEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Job postings read model (collection {@code job_postings}); idempotent upserts. */
@Component
@ProcessingGroup("job-posting-query")
public class JobPostingProjection {

    public static final String COLLECTION = "job_postings";

    private final MongoTemplate mongo;

    public JobPostingProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(JobPostingPublishedEvent e) {
        upsert(e.postingId(), new Update().set("countyCode", e.countyCode()).set("employer", e.employer())
                .set("sector", e.sector()).set("positions", e.positions())
                .set("monthlyWage", e.monthlyWage() == null ? null : e.monthlyWage().toPlainString())
                .set("region", e.region().name()).set("province", e.province())
                .set("publishedOn", e.publishedOn().toString()).setOnInsert("filled", 0).setOnInsert("status", "OPEN"));
    }

    @EventHandler
    void on(JobPostingFilledEvent e) {
        upsert(e.postingId(), new Update().set("filled", e.filledTotal())
                .set("lastFilledOn", e.filledOn().toString()));
        mongo.updateFirst(new Query(Criteria.where("_id").is(e.postingId()).and("positions").is(e.filledTotal())),
                new Update().set("status", "FILLED"), COLLECTION);
    }

    @EventHandler
    void on(JobPostingWithdrawnEvent e) {
        upsert(e.postingId(), new Update().set("status", "WITHDRAWN").set("withdrawnOn", e.withdrawnOn().toString())
                .set("withdrawalReason", e.reason()));
    }

    private void upsert(String id, Update update) {
        mongo.upsert(new Query(Criteria.where("_id").is(id)), update, COLLECTION);
    }
}
