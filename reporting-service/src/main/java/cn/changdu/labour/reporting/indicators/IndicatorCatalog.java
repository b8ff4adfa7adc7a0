package cn.changdu.labour.reporting.indicators;

import cn.changdu.labour.reporting.projection.Counting;
import cn.changdu.labour.reporting.projection.Counting.Measure;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Every indicator of the plan the dashboard shows, defined over projected facts (types and payload fields of the
 * published language). Adding an indicator over events that are already projected is one entry here, and its
 * target in {@link Targets} if the plan sets one.
 */
public final class IndicatorCatalog {

    /** Whether more is better (people trained) or less (arrears). */
    public enum Direction { HIGHER_IS_BETTER, LOWER_IS_BETTER }

    /** An indicator: its names, what the projection counts for it, and whether more is better. */
    public record Definition(String id, String zh, String en, Counting counting, Direction direction) {

        Definition(String id, String zh, String en, Measure measure, Set<String> types,
                   Predicate<Map<String, Object>> when, String field, List<String> key, Set<String> closers,
                   Direction direction) {
            this(id, zh, en, new Counting(id, measure, types, when, field, key, closers), direction);
        }

        public Measure measure() {
            return counting.measure();
        }

        public String field() {
            return counting.field();
        }

        public Set<String> types() {
            return counting.types();
        }

        public Set<String> closers() {
            return counting.closers();
        }
    }

    /** A share of one indicator in another, in percent, judged against its target directly (no pace). */
    public record Ratio(String id, String zh, String en, String numerator, String denominator, Direction direction) {
        Ratio(String id, String zh, String en, String numerator, String denominator) {
            this(id, zh, en, numerator, denominator, Direction.HIGHER_IS_BETTER);
        }
    }

    private static final String ENROLLED = "training.TraineeEnrolled";
    private static final String PERSON_ENROLLED = "training.PersonEnrolled";
    private static final String ASSESSED = "training.TraineeAssessed";
    private static final String COMPLETED = "training.ClassCompleted";
    private static final String PLACED = "employment.WorkerPlaced";
    private static final String ARREARS_DETECTED = "projectlabor.WageArrearsDetected";
    private static final String ARREARS_CHANGED = "projectlabor.WageArrearsChanged";
    private static final String ARREARS_CLEARED = "projectlabor.WageArrearsCleared";
    private static final String JOINED = "projectlabor.WorkerJoinedProject";
    private static final String LEFT = "projectlabor.WorkerLeftProject";

    public static final List<Definition> DEFINITIONS = List.of(
            // training (measures 1–6)
            count("classesFiled", "报备培训班", "Classes filed", "training.ClassFiled"),
            persons("peopleTrained", "农牧民技能培训人数", "People trained", ENROLLED, p -> true),
            count("enrolments", "培训报名人次", "Enrolments", ENROLLED),
            persons("consolidationTrained", "其中贫困群众巩固培训", "of which consolidation training of the registered poor",
                    PERSON_ENROLLED, p -> isTrue(p, "consolidationTraining")),
            persons("enrolledPersons", "报名人数（含培训类别）", "Persons enrolled (with category)", PERSON_ENROLLED, p -> true),
            persons("orderDirectedTrained", "订单定向式培训人数", "Order-directed training", PERSON_ENROLLED,
                    p -> isTrue(p, "orderDirected")),
            count("classesCompleted", "结业培训班", "Classes completed", COMPLETED),
            new Definition("classesInspectedTwice", "督查两次以上的培训班", "Classes inspected at least twice", Measure.COUNT,
                    Set.of(COMPLETED), p -> number(p, "inspections").intValue() >= 2, null, List.of(), Set.of(),
                    Direction.HIGHER_IS_BETTER),
            count("assessed", "参加考核人次", "Assessments", ASSESSED),
            new Definition("passed", "考核合格人次", "Passed", Measure.COUNT, Set.of(ASSESSED), p -> isTrue(p, "passed"),
                    null, List.of(), Set.of(), Direction.HIGHER_IS_BETTER),
            persons("qualifiedPersons", "考核合格人数", "Qualified trainees", ASSESSED, p -> isTrue(p, "passed")),
            persons("recommendedPersons", "获推荐岗位的人数", "Trainees recommended a job", "training.JobRecommended", p -> true),
            persons("followedUpTwice", "跟踪回访两次以上的人数", "Trainees followed up twice", "training.FollowUpRecorded",
                    p -> number(p, "followUpNumber").intValue() >= 2),
            persons("employedAfterTraining", "培训后即时就业人数", "Employed right after training", "training.FollowUpRecorded",
                    p -> number(p, "followUpNumber").intValue() == 1 && employed(p)),
            persons("employedAfterThreeMonths", "培训后三个月就业人数", "Employed 3 months after training",
                    "training.FollowUpRecorded", p -> number(p, "followUpNumber").intValue() >= 2 && employed(p)
                    && p.get("classEndDate") != null && p.get("followedUpOn") != null
                    && !java.time.LocalDate.parse(p.get("followedUpOn").toString())
                    .isBefore(java.time.LocalDate.parse(p.get("classEndDate").toString()).plusMonths(3))),
            new Definition("duplicateTrainingAttempts", "拦截重复培训报名次数", "Duplicate-training attempts refused",
                    Measure.COUNT, Set.of("training.DuplicateTrainingAttempted"), p -> true, null, List.of(), Set.of(),
                    Direction.LOWER_IS_BETTER),
            sum("subsidyClaimed", "申领培训补贴（元）", "Subsidy claimed (yuan)", "training.SubsidyClaimed"),
            sum("subsidyApproved", "核准培训补贴（元）", "Subsidy approved (yuan)", "training.SubsidyApproved"),
            sum("subsidyPaid", "拨付培训补贴（元）", "Subsidy paid (yuan)", "training.SubsidyPaid"),
            // transfer employment (measures 7–13)
            transfers("transfers", "转移就业人数", "Transfers", null),
            transfers("transfersOrganisedOutOfRegion", "区外劳务协作转移", "Organised out-of-region", "ORGANISED_OUT_OF_REGION"),
            transfers("transfersConstruction", "工程项目带动转移", "Via construction projects", "CONSTRUCTION_PROJECT"),
            transfers("transfersLocalIndustry", "产业吸纳转移", "Via local industry", "LOCAL_INDUSTRY"),
            transfers("transfersSocialForces", "社会力量转移", "Via social forces", "SOCIAL_FORCES"),
            transfers("transfersPrivateEnterprise", "非公企业吸纳", "Via private enterprises", "PRIVATE_ENTERPRISE"),
            persons("govOrganisedOutOfRegion", "政府组织区外就业", "Government-organised out-of-region",
                    "employment.PlacementDetailsRecorded",
                    p -> isTrue(p, "governmentOrganisedOutOfRegion")),
            new Definition("jobsDeveloped", "开发就业岗位", "Jobs developed", Measure.SUM,
                    Set.of("employment.JobPostingPublished"), p -> true, "positions", List.of(), Set.of(),
                    Direction.HIGHER_IS_BETTER),
            persons("urbanNewEmployment", "城镇新增就业", "Urban new employment", "employment.UrbanEmploymentRegistered",
                    p -> true),
            new Definition("registeredUnemployed", "城镇登记失业人数", "Registered unemployed", Measure.CURRENT_KEYS,
                    Set.of("employment.UnemploymentRegistered"), p -> true, null, List.of("personKey"),
                    Set.of("employment.UnemploymentEnded"), Direction.LOWER_IS_BETTER),
            new Definition("urbanLabourForce", "城镇劳动力基数", "Urban labour force (base)", Measure.CURRENT_SUM,
                    Set.of("employment.UrbanLabourForceBaseSet"), p -> true, "labourForce", List.of("countyCode", "year"),
                    Set.of(), Direction.HIGHER_IS_BETTER),
            sum("transferIncome", "转移就业收入（元）", "Transfer income (yuan)", "employment.IncomeReported"),
            new Definition("householdsWithNobodyEmployed", "易地搬迁户中无人就业户数", "Relocated households with nobody employed",
                    Measure.HOUSEHOLDS_WITHOUT_WORK, Set.of("employment.RelocatedHouseholdRegistered"), p -> true, null,
                    List.of(), Set.of(), Direction.LOWER_IS_BETTER),
            // construction projects (measures 8, 14)
            count("projectsRegistered", "登记工程项目", "Projects registered", "projectlabor.ProjectRegistered"),
            new Definition("localWorkers", "项目本地农牧民用工", "Local farmers/herders on rosters", Measure.CURRENT_SUM,
                    Set.of(JOINED, LEFT), p -> true, "localWorkers", List.of("projectId"), Set.of(), Direction.HIGHER_IS_BETTER),
            new Definition("projectWorkers", "项目用工总数", "Workers on rosters", Measure.CURRENT_SUM,
                    Set.of(JOINED, LEFT), p -> true, "totalWorkers", List.of("projectId"), Set.of(), Direction.HIGHER_IS_BETTER),
            count("wagePayments", "工资发放笔数", "Wage payments", "projectlabor.WagePaid"),
            sum("wagesPaid", "已发放工资（元）", "Wages paid (yuan)", "projectlabor.WagePaid"),
            new Definition("openArrears", "未清偿拖欠工资（元）", "Open wage arrears (yuan)", Measure.CURRENT_SUM,
                    Set.of(ARREARS_DETECTED, ARREARS_CHANGED), p -> true, "amount", List.of("projectId", "personKey", "period"),
                    Set.of(ARREARS_CLEARED), Direction.LOWER_IS_BETTER),
            new Definition("openArrearsCases", "未清偿拖欠工资人次", "Open arrears cases", Measure.CURRENT_KEYS,
                    Set.of(ARREARS_DETECTED, ARREARS_CHANGED), p -> true, null, List.of("projectId", "personKey", "period"),
                    Set.of(ARREARS_CLEARED), Direction.LOWER_IS_BETTER),
            new Definition("openArrearsWorkers", "被拖欠工资人数", "Workers with open arrears", Measure.CURRENT_DISTINCT,
                    Set.of(ARREARS_DETECTED, ARREARS_CHANGED), p -> true, "personKey", List.of("projectId", "personKey", "period"),
                    Set.of(ARREARS_CLEARED), Direction.LOWER_IS_BETTER),
            new Definition("projectsInArrears", "存在欠薪的项目数", "Projects with open arrears", Measure.CURRENT_DISTINCT,
                    Set.of(ARREARS_DETECTED, ARREARS_CHANGED), p -> true, "projectId", List.of("projectId", "personKey", "period"),
                    Set.of(ARREARS_CLEARED), Direction.LOWER_IS_BETTER),
            new Definition("openArrearsGovernment", "其中政府投资项目拖欠（元）", "of which government-invested (yuan)",
                    Measure.CURRENT_SUM, Set.of(ARREARS_DETECTED, ARREARS_CHANGED), p -> isTrue(p, "governmentInvested"),
                    "amount", List.of("projectId", "personKey", "period"), Set.of(ARREARS_CLEARED), Direction.LOWER_IS_BETTER));

    public static final List<Ratio> RATIOS = List.of(
            new Ratio("orderDirectedShare", "订单定向式培训占比（%）", "Order-directed share (%)", "orderDirectedTrained", "enrolledPersons"),
            new Ratio("inspectedTwiceShare", "督查两次以上班级占比（%）", "Classes inspected twice (%)", "classesInspectedTwice", "classesCompleted"),
            new Ratio("passRate", "培训合格率（%）", "Pass rate (%)", "passed", "assessed"),
            new Ratio("recommendedShare", "合格学员获推荐岗位占比（%）", "Qualified trainees recommended a job (%)", "recommendedPersons", "qualifiedPersons"),
            new Ratio("followedUpShare", "合格学员跟踪回访两次占比（%）", "Qualified trainees followed up twice (%)", "followedUpTwice", "qualifiedPersons"),
            new Ratio("employmentRateAfterTraining", "培训后即时就业率（%）", "Employment rate right after training (%)",
                    "employedAfterTraining", "qualifiedPersons"),
            new Ratio("employmentRateAfterThreeMonths", "培训后三个月就业率（%）", "Employment rate after 3 months (%)",
                    "employedAfterThreeMonths", "qualifiedPersons"),
            new Ratio("localLabourShare", "项目本地农牧民用工占比（%）", "Local labour share on projects (%)", "localWorkers", "projectWorkers"),
            new Ratio("urbanUnemploymentRate", "城镇登记失业率（%）", "Urban registered unemployment rate (%)",
                    "registeredUnemployed", "urbanLabourForce", Direction.LOWER_IS_BETTER));

    /** The transfer channels in the plan's order, for the per-channel chart. */
    public static final List<String> CHANNEL_INDICATORS = List.of("transfersOrganisedOutOfRegion",
            "transfersConstruction", "transfersLocalIndustry", "transfersSocialForces", "transfersPrivateEnterprise");

    private IndicatorCatalog() {
    }

    public static Optional<Definition> definition(String id) {
        return DEFINITIONS.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    public static boolean exists(String id) {
        return definition(id).isPresent() || RATIOS.stream().anyMatch(r -> r.id().equals(id));
    }

    public static boolean isTrue(Map<String, Object> payload, String field) {
        return Counting.isTrue(payload, field);
    }

    private static boolean employed(Map<String, Object> payload) {
        Object status = payload.get("employmentStatus");
        return status != null && !"NOT_EMPLOYED".equals(status.toString());
    }

    public static BigDecimal number(Map<String, Object> payload, String field) {
        return Counting.number(payload, field);
    }

    /** What the projection counts, one per definition. */
    public static List<Counting> countings() {
        return DEFINITIONS.stream().map(Definition::counting).toList();
    }

    private static Definition count(String id, String zh, String en, String type) {
        return new Definition(id, zh, en, Measure.COUNT, Set.of(type), p -> true, null, List.of(), Set.of(),
                Direction.HIGHER_IS_BETTER);
    }

    private static Definition persons(String id, String zh, String en, String type, Predicate<Map<String, Object>> when) {
        return new Definition(id, zh, en, Measure.PERSONS, Set.of(type), when, null, List.of(), Set.of(),
                Direction.HIGHER_IS_BETTER);
    }

    private static Definition transfers(String id, String zh, String en, String channel) {
        return new Definition(id, zh, en, Measure.TRANSFERS, Set.of(PLACED, JOINED), p -> true, channel, List.of(),
                Set.of(), Direction.HIGHER_IS_BETTER);
    }

    private static Definition sum(String id, String zh, String en, String type) {
        return new Definition(id, zh, en, Measure.SUM, Set.of(type), p -> true, "amount", List.of(), Set.of(),
                Direction.HIGHER_IS_BETTER);
    }
}
