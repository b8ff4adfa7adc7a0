package cn.changdu.labour.projectlabor.project.query;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Reads of the project read model ({@link ProjectViews}); personal data is masked by the web layer. */
@Component
public class ProjectQueries {

    private static final BigDecimal TARGET = new BigDecimal("0.30");

    private final MongoTemplate mongo;

    public ProjectQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public record ProjectSummary(String projectId, String name, String countyCode, String department,
                                 boolean governmentInvested, int plannedWorkforce, String status,
                                 String contractor, List<String> subcontractors, String startDate,
                                 String plannedEndDate, String wageAccount, Integer wagePayDay, String closedOn,
                                 String lastFiledOn, int localWorkers, int totalWorkers, @Decimal BigDecimal localShare,
                                 boolean belowTarget, @Decimal BigDecimal openArrearsAmount, int openArrearsWorkers) {
    }

    public record RosterEntry(String personKey, String name, String residentId, String phone,
                              boolean localFarmerHerder, String homeCountyCode, String trade, @Decimal BigDecimal wageRate,
                              String payCycle, boolean socialInsuranceRegistered, String joinedOn, String leftOn) {
    }

    public record PayrollLineView(String personKey, Integer daysWorked, @Decimal BigDecimal amountDue) {
    }

    public record PayrollView(String period, List<PayrollLineView> lines, @Decimal BigDecimal totalDue, String dueDate,
                              String submittedOn) {
    }

    public record PaymentView(String paymentId, String personKey, String name, String residentId, String period,
                              @Decimal BigDecimal amount, String paidOn, String channel, Boolean onRoster) {
    }

    public record ArrearsView(String projectId, String projectName, String countyCode, String department,
                              boolean governmentInvested, String personKey, String name, String period,
                              @Decimal BigDecimal amountDue, @Decimal BigDecimal outstanding, String dueDate) {
    }

    public record DepartmentShare(String department, int projects, int projectsBelowTarget, int localWorkers,
                                  int totalWorkers, @Decimal BigDecimal localShare, boolean belowTarget) {
    }

    public record DisputeView(String disputeId, String personKey, String name, String residentId, String category,
                              @Decimal BigDecimal claimedAmount, String description, String filedOn, String status,
                              String outcome, @Decimal BigDecimal awardedAmount, String note, String resolvedOn) {
    }

    public List<ProjectSummary> projects(String countyCode, String department) {
        Criteria criteria = new Criteria();
        List<Criteria> and = new ArrayList<>();
        if (countyCode != null) {
            and.add(where("countyCode").is(countyCode));
        }
        if (department != null) {
            and.add(where("department").is(department));
        }
        if (!and.isEmpty()) {
            criteria = new Criteria().andOperator(and.toArray(Criteria[]::new));
        }
        Map<String, List<Document>> arrears = openArrearsByProject();
        return mongo.find(Query.query(criteria), Document.class, ProjectViews.PROJECTS).stream()
                .map(d -> summary(d, arrears.getOrDefault(d.getString("_id"), List.of())))
                .sorted(Comparator.comparing(ProjectSummary::countyCode).thenComparing(ProjectSummary::name))
                .toList();
    }

    public Optional<ProjectSummary> project(String projectId) {
        Document d = mongo.findById(projectId, Document.class, ProjectViews.PROJECTS);
        // only this project's open arrears, not every open case city-wide
        return Optional.ofNullable(d).map(doc -> summary(doc, mongo.find(
                Query.query(where("open").is(true).and("projectId").is(projectId)), Document.class, ProjectViews.ARREARS)));
    }

    public List<RosterEntry> roster(String projectId) {
        return mongo.find(Query.query(where("projectId").is(projectId)), Document.class, ProjectViews.ROSTER).stream()
                .map(d -> new RosterEntry(d.getString("personKey"), d.getString("name"), d.getString("residentId"),
                        d.getString("phone"), Boolean.TRUE.equals(d.getBoolean("localFarmerHerder")),
                        d.getString("homeCountyCode"), d.getString("trade"), money(d.getString("wageRate")),
                        d.getString("payCycle"), Boolean.TRUE.equals(d.getBoolean("socialInsuranceRegistered")),
                        d.getString("joinedOn"), d.getString("leftOn")))
                .sorted(Comparator.comparing(RosterEntry::joinedOn).thenComparing(RosterEntry::personKey))
                .toList();
    }

    /** A person's roster stints on every project, as the read model shows them (for the pre-checks of bulk imports). */
    public record Stints(List<Document> stints) {

        /** Whether the person is active on the project's roster. */
        public boolean activeOn(String projectId) {
            return stints.stream().anyMatch(d -> projectId.equals(d.getString("projectId")) && d.getString("leftOn") == null);
        }

        /** The project on whose roster the person is on days from {@code joinedOn} on, if any. */
        public Optional<String> overlapping(LocalDate joinedOn) {
            return stints.stream()
                    .filter(d -> d.getString("leftOn") == null || !LocalDate.parse(d.getString("leftOn")).isBefore(joinedOn))
                    .map(d -> d.getString("projectId")).findFirst();
        }

        /** Whether the person was on the project's roster on some day of the period. */
        public boolean onRosterIn(String projectId, YearMonth period) {
            return stints.stream().filter(d -> projectId.equals(d.getString("projectId"))).anyMatch(d -> {
                LocalDate joined = LocalDate.parse(d.getString("joinedOn"));
                LocalDate left = d.getString("leftOn") == null ? null : LocalDate.parse(d.getString("leftOn"));
                return !joined.isAfter(period.atEndOfMonth()) && (left == null || !left.isBefore(period.atDay(1)));
            });
        }
    }

    /**
     * The roster stints of each of these people, read in one query ({@code $in}) for all of them rather than one
     * per person; a person with none maps to an empty list.
     */
    public Map<String, Stints> stintsOf(Collection<String> personKeys) {
        Map<String, List<Document>> byPerson = new HashMap<>();
        personKeys.forEach(key -> byPerson.put(key, new ArrayList<>()));
        if (!personKeys.isEmpty()) {
            mongo.find(Query.query(where("personKey").in(personKeys)), Document.class, ProjectViews.ROSTER)
                    .forEach(d -> byPerson.get(d.getString("personKey")).add(d));
        }
        Map<String, Stints> stints = new HashMap<>();
        byPerson.forEach((key, list) -> stints.put(key, new Stints(list)));
        return stints;
    }

    public List<PayrollView> payrolls(String projectId, String period) {
        Criteria c = where("projectId").is(projectId);
        if (period != null) {
            c = c.and("period").is(period);
        }
        return mongo.find(Query.query(c), Document.class, ProjectViews.PAYROLLS).stream()
                .map(d -> new PayrollView(d.getString("period"), d.getList("lines", Document.class).stream()
                        .map(l -> new PayrollLineView(l.getString("personKey"), l.getInteger("daysWorked"),
                                money(l.getString("amountDue")))).toList(),
                        money(d.getString("totalDue")), d.getString("dueDate"), d.getString("submittedOn")))
                .sorted(Comparator.comparing(PayrollView::period))
                .toList();
    }

    public List<PaymentView> payments(String projectId, String period) {
        Criteria c = where("projectId").is(projectId);
        if (period != null) {
            c = c.and("period").is(period);
        }
        return mongo.find(Query.query(c), Document.class, ProjectViews.PAYMENTS).stream()
                .map(d -> new PaymentView(d.getString("_id"), d.getString("personKey"), d.getString("name"),
                        d.getString("residentId"), d.getString("period"), money(d.getString("amount")),
                        d.getString("paidOn"), d.getString("channel"), d.getBoolean("onRoster")))
                .sorted(Comparator.comparing(PaymentView::period).thenComparing(PaymentView::paidOn)
                        .thenComparing(PaymentView::paymentId))
                .toList();
    }

    /** Open arrears city-wide: government-invested projects first, then the largest amounts, then the oldest. */
    public List<ArrearsView> openArrears(String countyCode, String department) {
        // county and department filtered by MongoDB (a case carries its project's, which never change)
        Criteria open = where("open").is(true);
        if (countyCode != null) {
            open = open.and("countyCode").is(countyCode);
        }
        if (department != null) {
            open = open.and("department").is(department);
        }
        List<Document> cases = mongo.find(Query.query(open), Document.class, ProjectViews.ARREARS);
        // and only the names of the projects these cases are on
        Map<String, String> names = new HashMap<>();
        Set<String> projectIds = new HashSet<>();
        cases.forEach(d -> projectIds.add(d.getString("projectId")));
        if (!projectIds.isEmpty()) {
            Query projects = Query.query(where("_id").in(projectIds));
            projects.fields().include("name");
            mongo.find(projects, Document.class, ProjectViews.PROJECTS)
                    .forEach(p -> names.put(p.getString("_id"), p.getString("name")));
        }
        return cases.stream()
                .map(d -> new ArrearsView(d.getString("projectId"), names.get(d.getString("projectId")),
                        d.getString("countyCode"), d.getString("department"),
                        Boolean.TRUE.equals(d.getBoolean("governmentInvested")), d.getString("personKey"),
                        d.getString("name"), d.getString("period"), money(d.getString("amountDue")),
                        money(d.getString("outstanding")), d.getString("dueDate")))
                .sorted(Comparator.comparing((ArrearsView a) -> !a.governmentInvested())
                        .thenComparing(ArrearsView::outstanding, Comparator.reverseOrder())
                        .thenComparing(ArrearsView::dueDate)
                        .thenComparing(ArrearsView::projectId).thenComparing(ArrearsView::personKey))
                .toList();
    }

    /** Live local-labour share per owning department, over its open projects' active rosters. */
    public List<DepartmentShare> departmentShares() {
        Map<String, int[]> byDepartment = new TreeMap<>();
        for (Document p : mongo.find(Query.query(where("status").is("OPEN")), Document.class, ProjectViews.PROJECTS)) {
            int[] totals = byDepartment.computeIfAbsent(p.getString("department"), k -> new int[4]);
            totals[0]++;
            totals[1] += Boolean.TRUE.equals(p.getBoolean("belowTarget")) ? 1 : 0;
            totals[2] += intOf(p, "localWorkers");
            totals[3] += intOf(p, "totalWorkers");
        }
        return byDepartment.entrySet().stream().map(e -> {
            int[] t = e.getValue();
            BigDecimal share = share(t[2], t[3]);
            return new DepartmentShare(e.getKey(), t[0], t[1], t[2], t[3], share,
                    t[3] > 0 && share.compareTo(TARGET) < 0);
        }).toList();
    }

    public List<DisputeView> disputes(String projectId) {
        return mongo.find(Query.query(where("projectId").is(projectId)), Document.class, ProjectViews.DISPUTES).stream()
                .map(d -> new DisputeView(d.getString("_id"), d.getString("personKey"), d.getString("name"),
                        d.getString("residentId"), d.getString("category"), money(d.getString("claimedAmount")),
                        d.getString("description"), d.getString("filedOn"), d.getString("status"),
                        d.getString("outcome"), money(d.getString("awardedAmount")), d.getString("note"),
                        d.getString("resolvedOn")))
                .sorted(Comparator.comparing(DisputeView::filedOn).thenComparing(DisputeView::disputeId))
                .toList();
    }

    private Map<String, List<Document>> openArrearsByProject() {
        Map<String, List<Document>> byProject = new HashMap<>();
        mongo.find(Query.query(where("open").is(true)), Document.class, ProjectViews.ARREARS)
                .forEach(d -> byProject.computeIfAbsent(d.getString("projectId"), k -> new ArrayList<>()).add(d));
        return byProject;
    }

    private static ProjectSummary summary(Document d, List<Document> openArrears) {
        int local = intOf(d, "localWorkers");
        int total = intOf(d, "totalWorkers");
        BigDecimal amount = openArrears.stream().map(a -> money(a.getString("outstanding")))
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        Set<String> workers = new HashSet<>();
        openArrears.forEach(a -> workers.add(a.getString("personKey")));
        return new ProjectSummary(d.getString("_id"), d.getString("name"), d.getString("countyCode"),
                d.getString("department"), Boolean.TRUE.equals(d.getBoolean("governmentInvested")),
                intOf(d, "plannedWorkforce"), d.getString("status"), d.getString("contractor"),
                d.getList("subcontractors", String.class), d.getString("startDate"), d.getString("plannedEndDate"),
                d.getString("wageAccount"), d.getInteger("wagePayDay"), d.getString("closedOn"),
                d.getString("lastFiledOn"), local, total, share(local, total),
                Boolean.TRUE.equals(d.getBoolean("belowTarget")), amount, workers.size());
    }

    private static BigDecimal share(int local, int total) {
        return total == 0 ? null : BigDecimal.valueOf(local).divide(BigDecimal.valueOf(total), 4, RoundingMode.HALF_UP);
    }

    private static int intOf(Document d, String field) {
        Object v = d.get(field);
        return v instanceof Number n ? n.intValue() : 0;
    }

    private static BigDecimal money(String text) {
        return text == null ? null : new BigDecimal(text);
    }
}
