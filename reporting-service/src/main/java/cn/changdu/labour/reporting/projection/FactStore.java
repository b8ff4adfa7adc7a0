package cn.changdu.labour.reporting.projection;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Where the facts live. One collection is active and serves the indicators; during a rebuild a second one is
 * being built from the Kafka topics, and every newly projected fact goes into both, so the new one is complete
 * when the rebuild has read the topics up to where they ended at its start. Then the new one becomes active
 * (blue/green); the old one stays for comparison until the next rebuild.
 */
@Component
public class FactStore {

    private final MongoDatabase database;
    private final MongoCollection<Document> meta;
    private volatile MongoCollection<Document> active;
    private volatile MongoCollection<Document> building;
    private volatile int version;

    public FactStore(MongoDatabase reportingDatabase) {
        this.database = reportingDatabase;
        this.meta = reportingDatabase.getCollection("read_model");
        Document current = meta.find(Filters.eq("_id", "facts")).first();
        this.version = current == null ? 1 : current.getInteger("version");
        this.active = database.getCollection(current == null ? Facts.COLLECTION : current.getString("collection"));
    }

    public MongoCollection<Document> active() {
        return active;
    }

    public String activeName() {
        return active.getNamespace().getCollectionName();
    }

    public int version() {
        return version;
    }

    /** Inserts a fact; @return whether it was new in the active collection. */
    public boolean insert(Document fact) {
        MongoCollection<Document> next = building;
        boolean isNew = insert(active, fact);
        if (next != null) {
            insert(next, fact);
        }
        return isNew;
    }

    /** Starts a new, empty version of the facts that receives every new fact from now on. */
    public synchronized MongoCollection<Document> startBuilding() {
        MongoCollection<Document> next = database.getCollection(Facts.COLLECTION + "_v" + (version + 1));
        next.drop();
        building = next;
        return next;
    }

    /** Makes the built version the active one. */
    public synchronized void switchTo(MongoCollection<Document> built) {
        version++;
        meta.replaceOne(Filters.eq("_id", "facts"), new Document("_id", "facts")
                .append("collection", built.getNamespace().getCollectionName()).append("version", version),
                new ReplaceOptions().upsert(true));
        active = built;
        building = null;
    }

    public synchronized void abandonBuilding() {
        building = null;
    }

    public static boolean insert(MongoCollection<Document> collection, Document fact) {
        try {
            collection.insertOne(fact);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }
}
