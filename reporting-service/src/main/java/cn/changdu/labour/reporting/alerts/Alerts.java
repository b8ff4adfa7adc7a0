package cn.changdu.labour.reporting.alerts;

import cn.changdu.labour.kernel.BusinessTime;
import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.support.web.NotFound;
import cn.changdu.labour.contracts.employment.EmploymentVerificationOverdue;
import cn.changdu.labour.contracts.employment.EmploymentVerified;
import cn.changdu.labour.contracts.projectlabor.LocalLabourShareBelowTarget;
import cn.changdu.labour.contracts.projectlabor.LocalLabourShareRecovered;
import cn.changdu.labour.contracts.training.ClassCompleted;
import cn.changdu.labour.contracts.training.DuplicateTrainingAttempted;
import cn.changdu.labour.contracts.training.LateFilingApproved;
import cn.changdu.labour.reporting.indicators.IndicatorCatalog;
import cn.changdu.labour.reporting.projection.Fact;
import cn.changdu.labour.reporting.projection.OpenCase;
import cn.changdu.labour.reporting.projection.Projection;
import cn.changdu.labour.reporting.projection.ProjectionListener;
import cn.changdu.labour.reporting.projection.ReadModel;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static cn.changdu.labour.reporting.projection.Read.key;

/**
 * Alerts derived from the event stream, one per {@link OpenCase}: opened by one kind of fact, closed by another (or by a user), each with
 * county, owner and age; users acknowledge and close them. Keyed by kind and subject, so a redelivered fact
 * changes nothing.
 */
@Component
public class Alerts implements ProjectionListener {

    /** An alert per case: opened with it (when {@code when} holds for the opening fact), closed with it, if ever. */
    record Rule(String kind, String zh, String en, OpenCase openCase, Predicate<Fact> when) {
        Rule(String kind, String zh, String en, OpenCase openCase) {
            this(kind, zh, en, openCase, f -> true);
        }
    }

    /** The plan's floor for a class's pass rate; ClassCompleted carries it as a fraction (0.8125). */
    static final BigDecimal PASS_RATE_FLOOR = new BigDecimal("0.80");

    static final List<Rule> RULES = List.of(
            new Rule("wage-arrears", "工资拖欠", "Wage arrears", IndicatorCatalog.WAGE_ARREARS),
            new Rule("local-labour-share", "本地农牧民用工占比低于 30%", "Local labour share below 30%", OpenCase
                    .openedBy(LocalLabourShareBelowTarget.class, s -> key(s.projectId()))
                    .closedBy(LocalLabourShareRecovered.class, s -> key(s.projectId()))),
            new Rule("verification-overdue", "三个月稳岗核查逾期", "3-month employment check overdue", OpenCase
                    .openedBy(EmploymentVerificationOverdue.class, v -> key(v.placementId()))
                    .closedBy(EmploymentVerified.class, v -> key(v.placementId()))),
            new Rule("duplicate-training", "重复培训报名（已拦截）", "Duplicate-training attempt (refused)",
                    OpenCase.openedBy(DuplicateTrainingAttempted.class, d -> key(d.personKey(), d.classId()))),
            new Rule("late-filing", "培训班逾期报备（经批准）", "Class filed late (approved)",
                    OpenCase.openedBy(LateFilingApproved.class, l -> key(l.classId()))),
            new Rule("pass-rate-below-80", "培训合格率低于 80%", "Class pass rate below 80%",
                    OpenCase.openedBy(ClassCompleted.class, c -> key(c.classId())),
                    f -> f.event() instanceof ClassCompleted c && c.passRate() != null
                            && c.passRate().compareTo(PASS_RATE_FLOOR) < 0));

    /** The fact types that open, update or close an alert's case. */
    public static Set<String> types() {
        Set<String> types = new java.util.HashSet<>();
        RULES.forEach(r -> {
            types.addAll(r.openCase().setters());
            types.addAll(r.openCase().closers());
        });
        return types;
    }

    static final String FEW_INSPECTIONS = "inspections-short";
    static final String RECOMMENDATIONS_OVERDUE = "recommendation-overdue";
    static final String FOLLOW_UPS_OVERDUE = "follow-up-overdue";
    /** Days before a class ends from which fewer than two inspections raise an alert. */
    static final int INSPECTION_WARNING_DAYS = 3;
    /** Days after completion by which every qualified trainee should have been recommended a job. */
    static final int RECOMMENDATION_DAYS = 30;
    /** Days after a class ends by which every qualified trainee should have had two follow-ups. */
    static final int FOLLOW_UP_DAYS = 120;

    public enum Status { OPEN, ACKNOWLEDGED, CLOSED }

    /** The alert changed since it was shown (closed, or already in that state). */
    public static class StateConflict extends RuntimeException {
        StateConflict(String message) {
            super(message);
        }
    }

    private final MongoCollection<Document> alerts;
    private final JdbcTemplate jdbc;
    private final ReadModel readModel;
    private final Clock clock;

    public Alerts(MongoDatabase reportingDatabase, JdbcTemplate jdbc, ReadModel readModel, Clock clock) {
        this.alerts = reportingDatabase.getCollection("alerts");
        this.jdbc = jdbc;
        this.readModel = readModel;
        this.clock = clock;
    }

    /** Inside the batch's transaction: alerts are idempotent, so a retried batch repeats them safely. */
    @Override
    public void applied(Projection.Result result) {
        result.facts().forEach(this::on);
    }

    /** Opens or closes alerts for a newly projected fact. */
    public void on(Fact fact) {
        String type = fact.type();
        Map<String, Object> payload = fact.payload();
        for (Rule rule : RULES) {
            OpenCase.Role role = rule.openCase().role(type);
            if (role == OpenCase.Role.OPENS && rule.when().test(fact)) {
                open(rule.kind(), subject(rule, fact), fact.countyCode(), fact.department(), fact.occurredAt(),
                        new Document(payload), rule.zh(), rule.en());
            } else if (role == OpenCase.Role.CLOSES) {
                closeByStream(rule.kind() + ":" + subject(rule, fact), type, fact.occurredAt());
            }
        }
    }

    /**
     * Classes ending within a few days that have had fewer than two inspections (the plan asks for two): the classes
     * ending in the window, read by an index on their end date.
     */
    @Scheduled(fixedDelayString = "${platform.alerts.scan-interval:PT1M}")
    public void scanClassesNearingTheirEnd() {
        LocalDate today = BusinessTime.dateOf(clock.instant());
        jdbc.query("SELECT class_id, filed_fact, inspections FROM class_duty WHERE version = ? AND end_date >= ? AND end_date <= ? "
                        + "AND filed_fact IS NOT NULL AND inspections < 2",
                rs -> {
                    Document filed = Document.parse(rs.getString(2));
                    long inspections = rs.getInt(3);
                    open(FEW_INSPECTIONS, rs.getString(1), filed, "培训班临近结业，督查不足两次（已督查 " + inspections + " 次）",
                            "Class ends soon with fewer than two inspections (" + inspections + " so far)");
                }, readModel.active(), java.sql.Date.valueOf(today), java.sql.Date.valueOf(today.plusDays(INSPECTION_WARNING_DAYS)));
    }

    /**
     * Completed classes whose qualified trainees were not all recommended a job within {@value #RECOMMENDATION_DAYS}
     * days, or not all followed up twice within {@value #FOLLOW_UP_DAYS} days of the class's end; the alert closes
     * itself once they are. Reads only the classes whose duties changed or fell due and are not alerted yet.
     */
    @Scheduled(fixedDelayString = "${platform.alerts.scan-interval:PT1M}")
    public void scanAfterTrainingDuties() {
        LocalDate today = BusinessTime.dateOf(clock.instant());
        int version = readModel.active();
        List<Object[]> done = new ArrayList<>();
        jdbc.query("SELECT class_id, completed_fact, completed_on, completed_end_date, not_recommended, not_followed_twice, "
                        + "recommend_alerted, follow_up_alerted FROM class_duty WHERE version = ? AND completed_fact IS NOT NULL "
                        + "AND qualified > 0 AND (recheck OR (not_recommended > 0 AND NOT recommend_alerted AND completed_on < ?) "
                        + "OR (not_followed_twice > 0 AND NOT follow_up_alerted AND completed_end_date < ?))",
                rs -> {
                    String classId = rs.getString(1);
                    Document completed = Document.parse(rs.getString(2));
                    java.sql.Date completedOn = rs.getDate(3);
                    java.sql.Date endDate = rs.getDate(4);
                    long notRecommended = rs.getInt(5);
                    long notFollowedUp = rs.getInt(6);
                    boolean recommendAlerted = duty(RECOMMENDATIONS_OVERDUE, classId, completed,
                            completedOn != null && today.isAfter(completedOn.toLocalDate().plusDays(RECOMMENDATION_DAYS)),
                            notRecommended, rs.getBoolean(7),
                            "结业 " + RECOMMENDATION_DAYS + " 天内仍有 " + notRecommended + " 名合格学员未获推荐岗位",
                            notRecommended + " qualified trainees without a job recommendation " + RECOMMENDATION_DAYS + " days after completion");
                    boolean followUpAlerted = duty(FOLLOW_UPS_OVERDUE, classId, completed,
                            endDate != null && today.isAfter(endDate.toLocalDate().plusDays(FOLLOW_UP_DAYS)),
                            notFollowedUp, rs.getBoolean(8),
                            "结业 " + FOLLOW_UP_DAYS + " 天内仍有 " + notFollowedUp + " 名合格学员未完成两次跟踪回访",
                            notFollowedUp + " qualified trainees without two follow-ups " + FOLLOW_UP_DAYS + " days after the class ended");
                    done.add(new Object[]{recommendAlerted, followUpAlerted, version, classId, notRecommended, notFollowedUp});
                }, version, java.sql.Date.valueOf(today.minusDays(RECOMMENDATION_DAYS)), java.sql.Date.valueOf(today.minusDays(FOLLOW_UP_DAYS)));
        if (!done.isEmpty()) {
            // unless the projection changed the class meanwhile (then it is read again next time)
            jdbc.batchUpdate("UPDATE class_duty SET recommend_alerted = ?, follow_up_alerted = ?, recheck = FALSE "
                    + "WHERE version = ? AND class_id = ? AND not_recommended = ? AND not_followed_twice = ?", done);
        }
    }

    /** @return whether the alert is open now */
    private boolean duty(String kind, String classId, Document fact, boolean due, long missing, boolean alerted, String zh, String en) {
        if (due && missing > 0) {
            open(kind, classId, fact, zh, en);
            return true;
        } else if (missing == 0) {
            alerts.updateOne(Filters.and(Filters.eq("_id", kind + ":" + classId), Filters.ne("status", Status.CLOSED.name())),
                    Updates.combine(Updates.set("status", Status.CLOSED.name()), Updates.set("closedBy", "stream: duty done"),
                            Updates.set("closedAt", Date.from(clock.instant()))));
            return false;
        }
        return alerted;
    }

    /** Opens an alert for a fact the projection kept ({@code type, countyCode, department, occurredAt, p}). */
    private void open(String kind, String subject, Document fact, String zh, String en) {
        open(kind, subject, fact.getString("countyCode"), fact.getString("department"),
                Instant.parse(fact.getString("occurredAt")), fact.get("p", Document.class), zh, en);
    }

    public List<Document> list(Status status, String county) {
        List<Bson> filters = new ArrayList<>();
        if (status != null) {
            filters.add(Filters.eq("status", status.name()));
        }
        if (county != null) {
            filters.add(Filters.eq("countyCode", county));
        }
        Instant now = clock.instant();
        List<Document> result = alerts.find(filters.isEmpty() ? new Document() : Filters.and(filters))
                .sort(Sorts.ascending("openedAt")).into(new ArrayList<>());
        result.forEach(a -> a.append("ageDays", Duration.between(a.getDate("openedAt").toInstant(), now).toDays()));
        return result;
    }

    public Document acknowledge(String id, Actor actor) {
        existing(id);
        return transition(id, Status.OPEN, Status.ACKNOWLEDGED, actor);
    }

    public Document close(String id, Actor actor) {
        Document alert = existing(id);
        return transition(id, Status.valueOf(alert.getString("status")), Status.CLOSED, actor);
    }

    /** An unknown alert is a 404 (not a conflict: there is no state to conflict with). */
    private Document existing(String id) {
        Document alert = alerts.find(Filters.eq("_id", id)).first();
        if (alert == null) {
            throw new NotFound("未找到编号为 " + id + " 的预警");
        }
        return alert;
    }

    private Document transition(String id, Status from, Status to, Actor actor) {
        if (from == Status.CLOSED) {
            throw new StateConflict("预警已关闭");
        }
        Date now = Date.from(clock.instant());
        long changed = alerts.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("status", from.name())),
                Updates.combine(Updates.set("status", to.name()),
                        Updates.set(to == Status.CLOSED ? "closedBy" : "acknowledgedBy", actor.id() + " (" + actor.department() + ")"),
                        Updates.set(to == Status.CLOSED ? "closedAt" : "acknowledgedAt", now))).getModifiedCount();
        if (changed == 0) {
            throw new StateConflict("预警状态已变化，请刷新后重试");
        }
        return alerts.find(Filters.eq("_id", id)).first();
    }

    private void open(String kind, String subject, String countyCode, String factDepartment, Instant occurredAt,
                      Document payload, String zh, String en) {
        String id = kind + ":" + subject;
        Object department = payload.get("department");
        alerts.updateOne(Filters.eq("_id", id), Updates.combine(
                Updates.setOnInsert("kind", kind),
                Updates.setOnInsert("subject", subject),
                Updates.setOnInsert("countyCode", countyCode),
                Updates.setOnInsert("owner", department != null ? department.toString() : factDepartment),
                Updates.setOnInsert("openedAt", Date.from(occurredAt)),
                Updates.setOnInsert("status", Status.OPEN.name()),
                Updates.set("zh", zh),
                Updates.set("en", en),
                Updates.set("details", payload)), new UpdateOptions().upsert(true));
    }

    private void closeByStream(String id, String type, Instant occurredAt) {
        // looked up by _id alone first: the embedded store serves only an exact _id match from its index
        Document current = alerts.find(Filters.eq("_id", id)).projection(new Document("status", 1)).first();
        if (current == null || Status.CLOSED.name().equals(current.getString("status"))) {
            return;
        }
        alerts.updateOne(Filters.eq("_id", id),
                Updates.combine(Updates.set("status", Status.CLOSED.name()), Updates.set("closedBy", "stream: " + type),
                        Updates.set("closedAt", Date.from(occurredAt))));
    }

    /** The alert's subject, as stored in its id: the case's values joined by ':' ("p-1:pk_1:2020-06"). */
    private static String subject(Rule rule, Fact fact) {
        return rule.openCase().key(fact).stream().map(String::valueOf).collect(Collectors.joining(":"));
    }
}
