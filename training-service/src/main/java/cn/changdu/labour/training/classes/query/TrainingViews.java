package cn.changdu.labour.training.classes.query;

import cn.changdu.labour.training.classes.api.*;
import cn.changdu.labour.training.trainee.api.DuplicateTrainingAttemptedEvent;
import cn.changdu.labour.training.trainee.api.PersonEnrolledEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Read models of training: one document per class ({@value #CLASSES}: its fields, status, trainees by person
 * key with their attendance, assessment, subsidy and after-training record, inspections) and one per person
 * ({@value #PEOPLE}: the person's classes). Every write is an upsert that sets values taken from the event, so an
 * event handed over twice changes nothing.
 */
@Component
@ProcessingGroup("training-views")
public class TrainingViews {

    public static final String CLASSES = "training_class_view";
    public static final String PEOPLE = "training_person_view";

    private final MongoTemplate mongo;

    public TrainingViews(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(ClassFiledEvent e) {
        Update u = new Update()
                .set("countyCode", e.countyCode()).set("organiser", e.organiser()).set("trade", e.trade())
                .set("organiserType", name(e.organiserType())).set("category", name(e.category()))
                .set("deliveryMode", name(e.deliveryMode())).set("orderDirected", e.orderDirected())
                .set("employer", e.employer()).set("generalCurriculum", !Boolean.FALSE.equals(e.generalCurriculum()))
                .set("subsidyStandard", e.subsidyStandard() == null ? null : e.subsidyStandard().toPlainString())
                .set("plannedSize", e.plannedSize())
                .set("startDate", e.startDate().toString()).set("endDate", e.endDate().toString())
                .set("filedOn", e.filedOn() == null ? null : e.filedOn().toString())
                .setOnInsert("status", "FILED").setOnInsert("lateFiling", false);
        upsert(CLASSES, e.classId(), u);
    }

    @EventHandler
    void on(LateFilingApprovedEvent e) {
        upsert(CLASSES, e.classId(), new Update().set("lateFiling", true)
                .set("lateFilingApproval", new org.bson.Document("reason", e.reason()).append("approver", e.approver())
                        .append("latestFilingDate", e.latestFilingDate().toString())));
    }

    @EventHandler
    void on(PlannedSizeChangedEvent e) {
        upsert(CLASSES, e.classId(), new Update().set("plannedSize", e.plannedSize()));
    }

    @EventHandler
    void on(TraineeEnrolledEvent e) {
        String t = "trainees." + e.personKey() + ".";
        upsert(CLASSES, e.classId(), new Update()
                .set(t + "personKey", e.personKey()).set(t + "name", e.name()).set(t + "residentId", e.residentId())
                .set(t + "phone", e.phone()).set(t + "township", e.township()).set(t + "village", e.village())
                .set(t + "registeredPoor", e.registeredPoor()).set(t + "consolidationTraining", e.consolidationTraining())
                .set(t + "relocationHouseholdId", e.relocationHouseholdId()).set(t + "relocationSite", e.relocationSite())
                .set(t + "birthDate", e.birthDate() == null ? null : e.birthDate().toString()).set(t + "sex", e.sex())
                .set(t + "status", "ENROLLED"));
        String c = "classes." + e.classId() + ".";
        upsert(PEOPLE, e.personKey(), new Update().set("name", e.name()).set("residentId", e.residentId())
                .set("phone", e.phone())
                .set(c + "classId", e.classId()).set(c + "countyCode", e.countyCode()).set(c + "trade", e.trade())
                .set(c + "status", "ENROLLED"));
    }

    @EventHandler
    void on(PersonEnrolledEvent e) {
        String c = "classes." + e.classId() + ".";
        upsert(PEOPLE, e.personKey(), new Update().set(c + "startDate", e.startDate().toString())
                .set(c + "endDate", e.endDate().toString()).set(c + "category", name(e.category()))
                .set(c + "registeredPoor", e.registeredPoor()).set(c + "consolidationTraining", e.consolidationTraining()));
    }

    /** Keyed by class, so a redelivered event or a second attempt for the same class sets the same entry. */
    @EventHandler
    void on(DuplicateTrainingAttemptedEvent e) {
        String a = "duplicateAttempts." + e.classId() + ".";
        upsert(PEOPLE, e.personKey(), new Update().set(a + "classId", e.classId()).set(a + "countyCode", e.countyCode())
                .set(a + "trade", e.trade()).set(a + "startDate", e.startDate().toString())
                .set(a + "earlierClassId", e.earlierClassId()).set(a + "earlierCountyCode", e.earlierCountyCode())
                .set(a + "earlierStartDate", e.earlierStartDate().toString()));
    }

    @EventHandler
    void on(TraineeWithdrawnEvent e) {
        upsert(CLASSES, e.classId(), new Update().set("trainees." + e.personKey() + ".status", "WITHDRAWN"));
        upsert(PEOPLE, e.personKey(), new Update().set("classes." + e.classId() + ".status", "WITHDRAWN"));
    }

    @EventHandler
    void on(AttendanceRecordedEvent e) {
        Update u = new Update().set("attendance." + e.date(), e.present().size());
        e.present().forEach(k -> u.set("trainees." + k + ".attendance." + e.date(), true));
        e.absent().forEach(k -> u.set("trainees." + k + ".attendance." + e.date(), false));
        upsert(CLASSES, e.classId(), u);
    }

    @EventHandler
    void on(ClassInspectedEvent e) {
        org.bson.Document items = new org.bson.Document();
        e.results().forEach(r -> items.append(r.item().name(), new org.bson.Document("passed", r.passed())
                .append("remarks", r.remarks())));
        upsert(CLASSES, e.classId(), new Update().set("inspections." + e.inspectionNumber(),
                new org.bson.Document("inspectionNumber", e.inspectionNumber()).append("inspector", e.inspector())
                        .append("inspectedOn", e.inspectedOn().toString()).append("items", items)));
    }

    @EventHandler
    void on(TraineeAssessedEvent e) {
        upsert(CLASSES, e.classId(), new Update().set("trainees." + e.personKey() + ".passed", e.passed()));
        upsert(PEOPLE, e.personKey(), new Update().set("classes." + e.classId() + ".passed", e.passed()));
    }

    @EventHandler
    void on(ClassCompletedEvent e) {
        upsert(CLASSES, e.classId(), new Update().set("status", "COMPLETED").set("completedOn", e.completedOn().toString())
                .set("passRate", e.passRate().toPlainString()).set("passed", e.passed()).set("traineesAtEnd", e.trainees()));
    }

    @EventHandler
    void on(SubsidyClaimedEvent e) {
        subsidy(e.classId(), e.personKey(), new Update().set(sub(e.personKey()) + "status", "CLAIMED")
                .set(sub(e.personKey()) + "amount", e.amount().toPlainString())
                .set(sub(e.personKey()) + "claimant", e.claimant()).set(sub(e.personKey()) + "claimedOn", e.claimedOn().toString()));
    }

    @EventHandler
    void on(SubsidyApprovedEvent e) {
        subsidy(e.classId(), e.personKey(), new Update().set(sub(e.personKey()) + "status", "APPROVED")
                .set(sub(e.personKey()) + "approver", e.approver()));
    }

    @EventHandler
    void on(SubsidyRejectedEvent e) {
        subsidy(e.classId(), e.personKey(), new Update().set(sub(e.personKey()) + "status", "REJECTED")
                .set(sub(e.personKey()) + "rejectionReason", e.reason()));
    }

    @EventHandler
    void on(SubsidyPaidEvent e) {
        subsidy(e.classId(), e.personKey(), new Update().set(sub(e.personKey()) + "status", "PAID")
                .set(sub(e.personKey()) + "paidOn", e.paidOn().toString()));
    }

    @EventHandler
    void on(JobRecommendedEvent e) {
        upsert(CLASSES, e.classId(), new Update().set("trainees." + e.personKey() + ".recommendations."
                + e.recommendationNumber(), new org.bson.Document("employer", e.employer()).append("position", e.position())
                .append("recommendedOn", e.recommendedOn().toString())));
    }

    @EventHandler
    void on(FollowUpRecordedEvent e) {
        upsert(CLASSES, e.classId(), new Update().set("trainees." + e.personKey() + ".followUps." + e.followUpNumber(),
                new org.bson.Document("followedUpOn", e.followedUpOn().toString())
                        .append("employmentStatus", e.employmentStatus().name()).append("employer", e.employer())
                        .append("remarks", e.remarks())));
    }

    private void subsidy(String classId, String personKey, Update update) {
        upsert(CLASSES, classId, update);
    }

    private static String sub(String personKey) {
        return "trainees." + personKey + ".subsidy.";
    }

    private void upsert(String collection, String id, Update update) {
        mongo.upsert(Query.query(Criteria.where("_id").is(id)), update, collection);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
