package cn.changdu.labour.reporting.alerts;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.reporting.projection.FactStore;
import cn.changdu.labour.reporting.projection.Facts;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
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
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Alerts derived from the event stream: opened by one kind of fact, closed by another (or by a user), each with
 * county, owner and age; users acknowledge and close them. Keyed by kind and subject, so a redelivered fact
 * changes nothing.
 */
@Component
public class Alerts {

    /** An alert opened by {@code opens} (when {@code when} holds) and closed by {@code closes}, if any. */
    record Rule(String kind, String zh, String en, String opens, String closes, List<String> subject,
                Predicate<Map<String, Object>> when) {
    }

    /** The plan's floor for a class's pass rate; ClassCompleted carries it as a fraction (0.8125). */
    static final BigDecimal PASS_RATE_FLOOR = new BigDecimal("0.80");

    static final List<Rule> RULES = List.of(
            new Rule("wage-arrears", "工资拖欠", "Wage arrears", "projectlabor.WageArrearsDetected",
                    "projectlabor.WageArrearsCleared", List.of("projectId", "personKey", "period"), p -> true),
            new Rule("local-labour-share", "本地农牧民用工占比低于 30%", "Local labour share below 30%",
                    "projectlabor.LocalLabourShareBelowTarget", "projectlabor.LocalLabourShareRecovered",
                    List.of("projectId"), p -> true),
            new Rule("verification-overdue", "三个月稳岗核查逾期", "3-month employment check overdue",
                    "employment.EmploymentVerificationOverdue", "employment.EmploymentVerified",
                    List.of("placementId"), p -> true),
            new Rule("duplicate-training", "重复培训报名（已拦截）", "Duplicate-training attempt (refused)",
                    "training.DuplicateTrainingAttempted", null, List.of("personKey", "classId"), p -> true),
            new Rule("late-filing", "培训班逾期报备（经批准）", "Class filed late (approved)", "training.LateFilingApproved",
                    null, List.of("classId"), p -> true),
            new Rule("pass-rate-below-80", "培训合格率低于 80%", "Class pass rate below 80%", "training.ClassCompleted",
                    null, List.of("classId"),
                    p -> p.get("passRate") != null && new BigDecimal(p.get("passRate").toString()).compareTo(PASS_RATE_FLOOR) < 0));

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
    private final FactStore facts;
    private final Clock clock;

    public Alerts(MongoDatabase reportingDatabase, FactStore facts, Clock clock) {
        this.alerts = reportingDatabase.getCollection("alerts");
        this.facts = facts;
        this.clock = clock;
    }

    /** Opens or closes alerts for a newly projected fact. */
    public void on(Document fact) {
        String type = fact.getString("type");
        Document payload = fact.get("p", Document.class);
        for (Rule rule : RULES) {
            if (type.equals(rule.opens()) && rule.when().test(payload)) {
                open(rule.kind(), subject(rule, payload), fact, payload, rule.zh(), rule.en());
            } else if (type.equals(rule.closes())) {
                closeByStream(rule.kind() + ":" + subject(rule, payload), fact);
            }
        }
    }

    /** Classes ending within a few days that have had fewer than two inspections (the plan asks for two). */
    @Scheduled(fixedDelayString = "${platform.alerts.scan-interval:PT1M}")
    public void scanClassesNearingTheirEnd() {
        LocalDate today = LocalDate.now(clock.withZone(Facts.ZONE));
        Map<String, java.util.Set<String>> inspected = null;
        for (Document filed : facts.active().find(Filters.eq("type", "training.ClassFiled"))) {
            Document payload = filed.get("p", Document.class);
            LocalDate end = LocalDate.parse(payload.getString("endDate"));
            if (end.isBefore(today) || end.isAfter(today.plusDays(INSPECTION_WARNING_DAYS))) {
                continue;
            }
            if (inspected == null) {
                // one read of the inspections per scan, and only when some class is near its end
                inspected = byClass("training.ClassInspected", null, "_id");
            }
            String classId = payload.getString("classId");
            long inspections = inspected.getOrDefault(classId, java.util.Set.of()).size();
            if (inspections < 2) {
                open(FEW_INSPECTIONS, classId, filed, payload, "培训班临近结业，督查不足两次（已督查 " + inspections + " 次）",
                        "Class ends soon with fewer than two inspections (" + inspections + " so far)");
            }
        }
    }

    /**
     * Completed classes whose qualified trainees were not all recommended a job within {@value #RECOMMENDATION_DAYS}
     * days, or not all followed up twice within {@value #FOLLOW_UP_DAYS} days of the class's end; the alert closes
     * itself once they are.
     */
    @Scheduled(fixedDelayString = "${platform.alerts.scan-interval:PT1M}")
    public void scanAfterTrainingDuties() {
        LocalDate today = LocalDate.now(clock.withZone(Facts.ZONE));
        List<Document> completedClasses = facts.active().find(Filters.eq("type", "training.ClassCompleted")).into(new ArrayList<>());
        if (completedClasses.isEmpty()) {
            return;
        }
        // one read per kind of fact per scan, grouped by class
        Map<String, java.util.Set<String>> qualifiedByClass = byClass("training.TraineeAssessed", Filters.eq("p.passed", true), "personKey");
        Map<String, java.util.Set<String>> recommendedByClass = byClass("training.JobRecommended", null, "personKey");
        Map<String, java.util.Set<String>> followedTwiceByClass = byClass("training.FollowUpRecorded",
                Filters.gte("p.followUpNumber", 2), "personKey");
        for (Document completed : completedClasses) {
            Document payload = completed.get("p", Document.class);
            String classId = payload.getString("classId");
            java.util.Set<String> qualified = qualifiedByClass.getOrDefault(classId, java.util.Set.of());
            if (qualified.isEmpty()) {
                continue;
            }
            LocalDate completedOn = LocalDate.parse(payload.getString("completedOn"));
            LocalDate endDate = LocalDate.parse(payload.getString("endDate"));
            java.util.Set<String> recommended = recommendedByClass.getOrDefault(classId, java.util.Set.of());
            long notRecommended = qualified.stream().filter(p -> !recommended.contains(p)).count();
            duty(RECOMMENDATIONS_OVERDUE, classId, completed, payload, today.isAfter(completedOn.plusDays(RECOMMENDATION_DAYS)),
                    notRecommended, "结业 " + RECOMMENDATION_DAYS + " 天内仍有 " + notRecommended + " 名合格学员未获推荐岗位",
                    notRecommended + " qualified trainees without a job recommendation " + RECOMMENDATION_DAYS + " days after completion");
            java.util.Set<String> twice = followedTwiceByClass.getOrDefault(classId, java.util.Set.of());
            long notFollowedUp = qualified.stream().filter(p -> !twice.contains(p)).count();
            duty(FOLLOW_UPS_OVERDUE, classId, completed, payload, today.isAfter(endDate.plusDays(FOLLOW_UP_DAYS)),
                    notFollowedUp, "结业 " + FOLLOW_UP_DAYS + " 天内仍有 " + notFollowedUp + " 名合格学员未完成两次跟踪回访",
                    notFollowedUp + " qualified trainees without two follow-ups " + FOLLOW_UP_DAYS + " days after the class ended");
        }
    }

    private void duty(String kind, String classId, Document fact, Document payload, boolean due, long missing, String zh, String en) {
        if (due && missing > 0) {
            open(kind, classId, fact, payload, zh, en);
        } else if (missing == 0) {
            alerts.updateOne(Filters.and(Filters.eq("_id", kind + ":" + classId), Filters.ne("status", Status.CLOSED.name())),
                    Updates.combine(Updates.set("status", Status.CLOSED.name()), Updates.set("closedBy", "stream: duty done"),
                            Updates.set("closedAt", Date.from(clock.instant()))));
        }
    }

    /** Facts of one type (and condition), a field's values grouped by the class they concern. */
    private Map<String, java.util.Set<String>> byClass(String type, Bson condition, String field) {
        Bson filter = condition == null ? Filters.eq("type", type) : Filters.and(Filters.eq("type", type), condition);
        Map<String, java.util.Set<String>> grouped = new java.util.HashMap<>();
        facts.active().find(filter).forEach(f -> grouped
                .computeIfAbsent(f.get("p", Document.class).getString("classId"), c -> new java.util.HashSet<>())
                .add(f.getString(field)));
        return grouped;
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
        return transition(id, Status.OPEN, Status.ACKNOWLEDGED, actor);
    }

    public Document close(String id, Actor actor) {
        Document alert = alerts.find(Filters.eq("_id", id)).first();
        if (alert == null) {
            throw new StateConflict("预警 " + id + " 不存在");
        }
        return transition(id, Status.valueOf(alert.getString("status")), Status.CLOSED, actor);
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

    private void open(String kind, String subject, Document fact, Document payload, String zh, String en) {
        String id = kind + ":" + subject;
        Object department = payload.get("department");
        alerts.updateOne(Filters.eq("_id", id), Updates.combine(
                Updates.setOnInsert("kind", kind),
                Updates.setOnInsert("subject", subject),
                Updates.setOnInsert("countyCode", fact.getString("countyCode")),
                Updates.setOnInsert("owner", department != null ? department.toString() : fact.getString("department")),
                Updates.setOnInsert("openedAt", fact.getDate("occurredAt")),
                Updates.setOnInsert("status", Status.OPEN.name()),
                Updates.set("zh", zh),
                Updates.set("en", en),
                Updates.set("details", payload)), new UpdateOptions().upsert(true));
    }

    private void closeByStream(String id, Document fact) {
        alerts.updateOne(Filters.and(Filters.eq("_id", id), Filters.ne("status", Status.CLOSED.name())),
                Updates.combine(Updates.set("status", Status.CLOSED.name()), Updates.set("closedBy", "stream: " + fact.getString("type")),
                        Updates.set("closedAt", fact.getDate("occurredAt"))));
    }

    private static String subject(Rule rule, Map<String, Object> payload) {
        return rule.subject().stream().map(f -> String.valueOf(payload.get(f))).collect(Collectors.joining(":"));
    }
}
