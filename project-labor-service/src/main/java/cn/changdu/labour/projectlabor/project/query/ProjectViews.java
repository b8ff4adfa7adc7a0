package cn.changdu.labour.projectlabor.project.query;

import cn.changdu.labour.projectlabor.project.api.LabourDisputeFiledEvent;
import cn.changdu.labour.projectlabor.project.api.LabourDisputeResolvedEvent;
import cn.changdu.labour.projectlabor.project.api.LabourFilingSubmittedEvent;
import cn.changdu.labour.projectlabor.project.api.LocalLabourShareBelowTargetEvent;
import cn.changdu.labour.projectlabor.project.api.LocalLabourShareRecoveredEvent;
import cn.changdu.labour.projectlabor.project.api.PayrollSubmittedEvent;
import cn.changdu.labour.projectlabor.project.api.ProjectClosedEvent;
import cn.changdu.labour.projectlabor.project.api.ProjectDetails;
import cn.changdu.labour.projectlabor.project.api.ProjectRegisteredEvent;
import cn.changdu.labour.projectlabor.project.api.ProjectUpdatedEvent;
import cn.changdu.labour.projectlabor.project.api.WageArrearsChangedEvent;
import cn.changdu.labour.projectlabor.project.api.WageArrearsClearedEvent;
import cn.changdu.labour.projectlabor.project.api.WageArrearsDetectedEvent;
import cn.changdu.labour.projectlabor.project.api.WagePaidEvent;
import cn.changdu.labour.projectlabor.project.api.WorkerJoinedProjectEvent;
import cn.changdu.labour.projectlabor.project.api.WorkerLeftProjectEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The read model of projects, rosters, payrolls, payments, arrears and disputes. Every write is an upsert keyed by
 * ids with values computed from the event alone, so an event handed over twice changes nothing. Dates are stored
 * as ISO strings and money as decimal strings (exact; never a double).
 */
@Component
@ProcessingGroup(ProjectViews.PROCESSING_GROUP)
public class ProjectViews {

    public static final String PROCESSING_GROUP = "project-views";
    public static final String PROJECTS = "pl_projects";
    public static final String ROSTER = "pl_roster";
    public static final String PAYROLLS = "pl_payrolls";
    public static final String PAYMENTS = "pl_payments";
    public static final String ARREARS = "pl_arrears";
    public static final String DISPUTES = "pl_disputes";
    public static final String FILINGS = "pl_filings";

    private final MongoTemplate mongo;

    public ProjectViews(MongoTemplate mongo) {
        this.mongo = mongo;
        // single-field indexes only: mongo-java-server ignores compound ones (createIndex: ensureIndex is deprecated)
        mongo.indexOps(ROSTER).createIndex(new Index("projectId", org.springframework.data.domain.Sort.Direction.ASC));
        mongo.indexOps(ROSTER).createIndex(new Index("personKey", org.springframework.data.domain.Sort.Direction.ASC));
        mongo.indexOps(PAYMENTS).createIndex(new Index("projectId", org.springframework.data.domain.Sort.Direction.ASC));
        mongo.indexOps(ARREARS).createIndex(new Index("open", org.springframework.data.domain.Sort.Direction.ASC));
        // one project's open arrears (GET of a project) are read by project
        mongo.indexOps(ARREARS).createIndex(new Index("projectId", org.springframework.data.domain.Sort.Direction.ASC));
    }

    @EventHandler
    void on(ProjectRegisteredEvent e) {
        upsert(PROJECTS, e.projectId(), project(e.name(), e.countyCode(), e.department(), e.governmentInvested(),
                e.plannedWorkforce(), e.details()).set("status", "OPEN"));
    }

    @EventHandler
    void on(ProjectUpdatedEvent e) {
        upsert(PROJECTS, e.projectId(), project(e.name(), e.countyCode(), e.department(), e.governmentInvested(),
                e.plannedWorkforce(), e.details()));
    }

    @EventHandler
    void on(ProjectClosedEvent e) {
        upsert(PROJECTS, e.projectId(), new Update().set("status", "CLOSED").set("closedOn", text(e.closedOn())));
    }

    @EventHandler
    void on(LabourFilingSubmittedEvent e) {
        upsert(FILINGS, e.filingId(), new Update().set("projectId", e.projectId()).set("hrOffice", e.hrOffice())
                .set("reference", e.reference()).set("filedOn", text(e.filedOn())).set("workers", e.workers())
                .set("localWorkers", e.localWorkers()));
        upsert(PROJECTS, e.projectId(), new Update().set("lastFiledOn", text(e.filedOn())));
    }

    @EventHandler
    void on(WorkerJoinedProjectEvent e) {
        upsert(ROSTER, rosterId(e.projectId(), e.personKey(), e.joinedOn()), new Update()
                .set("projectId", e.projectId()).set("personKey", e.personKey()).set("name", e.name())
                .set("residentId", e.residentId()).set("phone", e.phone())
                .set("localFarmerHerder", e.localFarmerHerder()).set("homeCountyCode", e.homeCountyCode())
                .set("trade", e.trade()).set("wageRate", money(e.wageRate()))
                .set("payCycle", e.payCycle() == null ? null : e.payCycle().name())
                .set("socialInsuranceRegistered", e.socialInsuranceRegistered())
                .set("joinedOn", text(e.joinedOn())));
        upsert(PROJECTS, e.projectId(), new Update().set("localWorkers", e.localWorkers())
                .set("totalWorkers", e.totalWorkers()));
    }

    @EventHandler
    void on(WorkerLeftProjectEvent e) {
        upsert(ROSTER, rosterId(e.projectId(), e.personKey(), e.joinedOn()), new Update().set("leftOn", text(e.leftOn())));
        upsert(PROJECTS, e.projectId(), new Update().set("localWorkers", e.localWorkers())
                .set("totalWorkers", e.totalWorkers()));
    }

    @EventHandler
    void on(LocalLabourShareBelowTargetEvent e) {
        upsert(PROJECTS, e.projectId(), new Update().set("belowTarget", true).set("belowTargetSince", text(e.asOf())));
    }

    @EventHandler
    void on(LocalLabourShareRecoveredEvent e) {
        upsert(PROJECTS, e.projectId(), new Update().set("belowTarget", false).set("belowTargetSince", null));
    }

    @EventHandler
    void on(PayrollSubmittedEvent e) {
        List<Document> lines = e.lines().stream().map(l -> new Document("personKey", l.personKey())
                .append("daysWorked", l.daysWorked()).append("amountDue", money(l.amountDue()))).toList();
        upsert(PAYROLLS, e.projectId() + "|" + e.period(), new Update().set("projectId", e.projectId())
                .set("period", e.period().toString()).set("lines", lines).set("totalDue", money(e.totalDue()))
                .set("dueDate", text(e.dueDate())).set("submittedOn", text(e.submittedOn())));
    }

    @EventHandler
    void on(WagePaidEvent e) {
        upsert(PAYMENTS, e.paymentId(), new Update().set("projectId", e.projectId()).set("personKey", e.personKey())
                .set("name", e.name()).set("residentId", e.residentId()).set("period", e.period().toString())
                .set("amount", money(e.amount())).set("paidOn", text(e.paidOn()))
                .set("channel", e.channel() == null ? null : e.channel().name())
                .set("onRoster", e.onRoster()));
    }

    @EventHandler
    void on(WageArrearsDetectedEvent e) {
        upsert(ARREARS, arrearsId(e.projectId(), e.personKey(), e.period()), new Update()
                .set("projectId", e.projectId()).set("personKey", e.personKey()).set("name", e.name())
                .set("period", e.period().toString()).set("amountDue", money(e.amountDue()))
                .set("outstanding", money(e.amount())).set("dueDate", text(e.dueDate()))
                .set("governmentInvested", e.governmentInvested()).set("countyCode", e.countyCode())
                .set("department", e.department()).set("open", true).set("clearedAt", null));
    }

    @EventHandler
    void on(WageArrearsChangedEvent e) {
        upsert(ARREARS, arrearsId(e.projectId(), e.personKey(), e.period()),
                new Update().set("outstanding", money(e.amount())));
    }

    @EventHandler
    void on(WageArrearsClearedEvent e, org.axonframework.eventhandling.EventMessage<?> message) {
        upsert(ARREARS, arrearsId(e.projectId(), e.personKey(), e.period()), new Update().set("open", false)
                .set("outstanding", "0.00").set("clearedAt", message.getTimestamp().toString()));
    }

    @EventHandler
    void on(LabourDisputeFiledEvent e) {
        upsert(DISPUTES, e.disputeId(), new Update().set("projectId", e.projectId()).set("personKey", e.personKey())
                .set("name", e.name()).set("residentId", e.residentId()).set("category", e.category().name())
                .set("claimedAmount", money(e.claimedAmount())).set("description", e.description())
                .set("filedOn", text(e.filedOn())).set("status", "OPEN"));
    }

    @EventHandler
    void on(LabourDisputeResolvedEvent e) {
        upsert(DISPUTES, e.disputeId(), new Update().set("status", "RESOLVED").set("outcome", e.outcome().name())
                .set("awardedAmount", money(e.awardedAmount())).set("note", e.note())
                .set("resolvedOn", text(e.resolvedOn())));
    }

    static String rosterId(String projectId, String personKey, LocalDate joinedOn) {
        return projectId + "|" + personKey + "|" + joinedOn;
    }

    static String arrearsId(String projectId, String personKey, YearMonth period) {
        return projectId + "|" + personKey + "|" + period;
    }

    private static Update project(String name, String countyCode, String department, boolean governmentInvested,
                                  int plannedWorkforce, ProjectDetails details) {
        ProjectDetails d = details == null ? ProjectDetails.none() : details;
        return new Update().set("name", name).set("countyCode", countyCode).set("department", department)
                .set("governmentInvested", governmentInvested).set("plannedWorkforce", plannedWorkforce)
                .set("contractor", d.contractor()).set("subcontractors", d.subcontractors() == null ? List.of() : d.subcontractors())
                .set("startDate", text(d.startDate())).set("plannedEndDate", text(d.plannedEndDate()))
                .set("wageAccount", d.wageAccount()).set("wagePayDay", d.payDay());
    }

    private void upsert(String collection, String id, Update update) {
        mongo.upsert(Query.query(where("_id").is(id)), update, collection);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String money(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2).toPlainString();
    }
}
