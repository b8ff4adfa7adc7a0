package cn.changdu.labour.employment.placement.query;

import cn.changdu.labour.employment.placement.api.EmploymentEndedEvent;
import cn.changdu.labour.employment.placement.api.EmploymentVerificationOverdueEvent;
import cn.changdu.labour.employment.placement.api.EmploymentVerifiedEvent;
import cn.changdu.labour.employment.placement.api.IncomeReportedEvent;
import cn.changdu.labour.employment.placement.api.PlacementDetailsRecordedEvent;
import cn.changdu.labour.employment.placement.api.WorkerPlacedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The placements read model (collection {@code placements}), one document per placement. Every write is an upsert
 * that sets values taken from the event, so an event handed over twice leaves the same document.
 */
@Component
@ProcessingGroup("placement-query")
public class PlacementProjection {

    public static final String COLLECTION = "placements";

    private final MongoTemplate mongo;

    public PlacementProjection(MongoTemplate mongo) {
        this.mongo = mongo;
        // a person's placements (history, import check) and a job fair's placements are looked up by these fields;
        // single-field indexes, which mongo-java-server honours as well (it ignores compound ones)
        mongo.indexOps(COLLECTION).createIndex(new Index("personKey", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).createIndex(new Index("jobFairId", Sort.Direction.ASC));
    }

    @EventHandler
    void on(WorkerPlacedEvent e) {
        Update update = new Update()
                .set("personKey", e.personKey()).set("name", e.name()).set("residentId", e.residentId())
                .set("countyCode", e.countyCode()).set("channel", e.channel().name())
                .set("destination", e.destination().name()).set("employer", e.employer())
                .set("startDate", e.startDate().toString())
                .set("expectedMonthlyIncome", e.expectedMonthlyIncome() == null ? null
                        : e.expectedMonthlyIncome().toPlainString())
                .setOnInsert("status", "ACTIVE");
        if (e.details() != null) {
            update.set("phone", e.details().phone()).set("township", e.details().township())
                    .set("householdId", e.details().householdId());
        }
        upsert(e.placementId(), update);
    }

    @EventHandler
    void on(PlacementDetailsRecordedEvent e) {
        upsert(e.placementId(), new Update()
                .set("organisedBy", e.organisedBy() == null ? null : e.organisedBy().name())
                .set("destinationProvince", e.destinationProvince()).set("intermediaryId", e.intermediaryId())
                .set("trainingClassId", e.trainingClassId()).set("projectId", e.projectId())
                .set("householdId", e.householdId()).set("jobFairId", e.jobFairId())
                .set("governmentOrganisedOutOfRegion", e.governmentOrganisedOutOfRegion())
                .set("verificationDueOn", e.verificationDueOn().toString()));
    }

    @EventHandler
    void on(EmploymentVerifiedEvent e) {
        upsert(e.placementId(), new Update().set("verifiedOn", e.verifiedOn().toString())
                .set("verificationStatus", e.status().name()).set("verifiedLate", e.late())
                .set("verificationOverdue", false));
    }

    @EventHandler
    void on(EmploymentVerificationOverdueEvent e) {
        // the overdue flag is set only while no verification is recorded (events of one placement come in order)
        mongo.updateFirst(new Query(Criteria.where("_id").is(e.placementId()).and("verifiedOn").exists(false)),
                new Update().set("verificationOverdue", true), COLLECTION);
    }

    @EventHandler
    void on(EmploymentEndedEvent e) {
        upsert(e.placementId(), new Update().set("status", "ENDED").set("endedOn", e.endedOn().toString())
                .set("endReason", e.reason().name()));
    }

    @EventHandler
    void on(IncomeReportedEvent e) {
        upsert(e.placementId(), new Update().set("income." + e.period(), e.amount().toPlainString()));
    }

    private void upsert(String placementId, Update update) {
        mongo.upsert(new Query(Criteria.where("_id").is(placementId)), update, COLLECTION);
    }
}
