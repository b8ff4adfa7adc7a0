package cn.changdu.labour.employment.intermediaries.query;

import cn.changdu.labour.employment.intermediaries.api.IntermediaryCommands.IntermediaryRecognisedEvent;
import cn.changdu.labour.employment.intermediaries.api.IntermediaryCommands.IntermediarySuspendedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Labour intermediaries read model (collection {@code intermediaries}); idempotent upserts. */
@Component
@ProcessingGroup("intermediary-query")
public class IntermediaryProjection {

    public static final String COLLECTION = "intermediaries";

    private final MongoTemplate mongo;

    public IntermediaryProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(IntermediaryRecognisedEvent e) {
        upsert(e.intermediaryId(), new Update().set("name", e.name()).set("kind", e.kind().name())
                .set("countyCode", e.countyCode()).set("township", e.township())
                .set("recognisedOn", e.recognisedOn().toString()).setOnInsert("status", "RECOGNISED"));
    }

    @EventHandler
    void on(IntermediarySuspendedEvent e) {
        upsert(e.intermediaryId(), new Update().set("status", "SUSPENDED").set("suspendedOn", e.suspendedOn().toString())
                .set("suspensionReason", e.reason()));
    }

    /** The intermediary's status (RECOGNISED or SUSPENDED), empty when unknown. */
    public Optional<String> status(String intermediaryId) {
        return Optional.ofNullable(mongo.findById(intermediaryId, Document.class, COLLECTION))
                .map(d -> d.getString("status"));
    }

    /** The status of each known intermediary among {@code intermediaryIds} (unknown ones are absent), in one query. */
    public Map<String, String> statuses(Collection<String> intermediaryIds) {
        Map<String, String> statuses = new HashMap<>();
        if (!intermediaryIds.isEmpty()) {
            Query query = new Query(Criteria.where("_id").in(intermediaryIds));
            query.fields().include("status");
            mongo.find(query, Document.class, COLLECTION).forEach(d -> statuses.put(d.getString("_id"), d.getString("status")));
        }
        return statuses;
    }

    private void upsert(String id, Update update) {
        mongo.upsert(new Query(Criteria.where("_id").is(id)), update, COLLECTION);
    }
}
