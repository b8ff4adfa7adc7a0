package cn.changdu.labour.reporting.indicators;

import cn.changdu.labour.contracts.employment.JobPostingPublished;
import cn.changdu.labour.contracts.employment.IncomeReported;
import cn.changdu.labour.contracts.employment.PlacementDetailsRecorded;
import cn.changdu.labour.contracts.employment.RelocatedHouseholdRegistered;
import cn.changdu.labour.contracts.employment.TransferChannel;
import cn.changdu.labour.contracts.employment.UnemploymentEnded;
import cn.changdu.labour.contracts.employment.UnemploymentRegistered;
import cn.changdu.labour.contracts.employment.UrbanEmploymentRegistered;
import cn.changdu.labour.contracts.employment.UrbanLabourForceBaseSet;
import cn.changdu.labour.contracts.employment.WorkerPlaced;
import cn.changdu.labour.contracts.projectlabor.ProjectRegistered;
import cn.changdu.labour.contracts.projectlabor.WageArrearsChanged;
import cn.changdu.labour.contracts.projectlabor.WageArrearsCleared;
import cn.changdu.labour.contracts.projectlabor.WageArrearsDetected;
import cn.changdu.labour.contracts.projectlabor.WagePaid;
import cn.changdu.labour.contracts.projectlabor.WorkerJoinedProject;
import cn.changdu.labour.contracts.projectlabor.WorkerLeftProject;
import cn.changdu.labour.contracts.training.ClassCompleted;
import cn.changdu.labour.contracts.training.ClassFiled;
import cn.changdu.labour.contracts.training.DuplicateTrainingAttempted;
import cn.changdu.labour.contracts.training.FollowUpRecorded;
import cn.changdu.labour.contracts.training.JobRecommended;
import cn.changdu.labour.contracts.training.PersonEnrolled;
import cn.changdu.labour.contracts.training.SubsidyApproved;
import cn.changdu.labour.contracts.training.SubsidyClaimed;
import cn.changdu.labour.contracts.training.SubsidyPaid;
import cn.changdu.labour.contracts.training.TraineeAssessed;
import cn.changdu.labour.contracts.training.TraineeEnrolled;
import cn.changdu.labour.contracts.EventTypes;
import cn.changdu.labour.reporting.projection.Counting;
import cn.changdu.labour.reporting.projection.Counting.Measure;
import cn.changdu.labour.reporting.projection.OpenCase;
import cn.changdu.labour.reporting.projection.Read;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static cn.changdu.labour.reporting.projection.Counting.count;
import static cn.changdu.labour.reporting.projection.Counting.current;
import static cn.changdu.labour.reporting.projection.Counting.persons;
import static cn.changdu.labour.reporting.projection.Counting.sum;
import static cn.changdu.labour.reporting.projection.Counting.sumOfYuan;
import static cn.changdu.labour.reporting.projection.Read.key;

/**
 * Every indicator of the plan the dashboard shows, defined over the published contract records (typed accessors).
 * Adding an indicator over events that are already projected is one entry here, and its target in {@link Targets}
 * if the plan sets one. The ids are the stored figures' keys: they do not change.
 */
public final class IndicatorCatalog {

    /** Whether more is better (people trained) or less (arrears). */
    public enum Direction { HIGHER_IS_BETTER, LOWER_IS_BETTER }

    /** An indicator: its names, what the projection counts for it, and whether more is better. */
    public record Definition(String id, String zh, String en, Counting counting, Direction direction) {

        public Measure measure() {
            return counting.measure();
        }

        /** The type names it counts. */
        public Set<String> types() {
            return counting.types();
        }

        /** The type names that close its cases. */
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

    /** A wage arrears case: one per project, worker and period, open until cleared (an alert follows it too). */
    public static final OpenCase WAGE_ARREARS = OpenCase
            .openedBy(WageArrearsDetected.class, a -> key(a.projectId(), a.personKey(), a.period()))
            .updatedBy(WageArrearsChanged.class, a -> key(a.projectId(), a.personKey(), a.period()))
            .closedBy(WageArrearsCleared.class, a -> key(a.projectId(), a.personKey(), a.period()));

    /** A registered unemployed person, until the unemployment ends. */
    static final OpenCase UNEMPLOYMENT = OpenCase
            .openedBy(UnemploymentRegistered.class, u -> key(u.personKey()))
            .closedBy(UnemploymentEnded.class, u -> key(u.personKey()));

    /** A county's urban labour force of a year, as last set. */
    static final OpenCase LABOUR_FORCE_BASE = OpenCase
            .openedBy(UrbanLabourForceBaseSet.class, b -> key(b.countyCode(), b.year()));

    /** A project's roster, as it stands after each join and departure. */
    static final OpenCase ROSTER = OpenCase
            .openedBy(WorkerJoinedProject.class, j -> key(j.projectId()))
            .updatedBy(WorkerLeftProject.class, l -> key(l.projectId()));

    private static final Read<BigDecimal> ARREARS_AMOUNT = Read.of(WageArrearsDetected.class, WageArrearsDetected::amount)
            .or(WageArrearsChanged.class, WageArrearsChanged::amount);

    /** Transfers are counted over placements and roster joins ({@code TransferCounting}). */
    private static final Set<String> TRANSFERRED = Set.of(EventTypes.typeOf(WorkerPlaced.class).name(),
            EventTypes.typeOf(WorkerJoinedProject.class).name());

    /** The transfer indicator of each channel: the one place a channel and its indicator are paired. */
    private static final Map<TransferChannel, String> CHANNEL_INDICATOR = new EnumMap<>(Map.of(
            TransferChannel.ORGANISED_OUT_OF_REGION, "transfersOrganisedOutOfRegion",
            TransferChannel.CONSTRUCTION_PROJECT, "transfersConstruction",
            TransferChannel.LOCAL_INDUSTRY, "transfersLocalIndustry",
            TransferChannel.SOCIAL_FORCES, "transfersSocialForces",
            TransferChannel.PRIVATE_ENTERPRISE, "transfersPrivateEnterprise"));

    public static final List<Definition> DEFINITIONS = List.of(
            // training (measures 1–6)
            more("classesFiled", "报备培训班", "Classes filed", count(ClassFiled.class)),
            more("peopleTrained", "农牧民技能培训人数", "People trained", persons(TraineeEnrolled.class)),
            more("enrolments", "培训报名人次", "Enrolments", count(TraineeEnrolled.class)),
            more("consolidationTrained", "其中贫困群众巩固培训", "of which consolidation training of the registered poor",
                    persons(PersonEnrolled.class).when(PersonEnrolled::consolidationTraining)),
            more("enrolledPersons", "报名人数（含培训类别）", "Persons enrolled (with category)", persons(PersonEnrolled.class)),
            more("orderDirectedTrained", "订单定向式培训人数", "Order-directed training",
                    persons(PersonEnrolled.class).when(PersonEnrolled::orderDirected)),
            more("classesCompleted", "结业培训班", "Classes completed", count(ClassCompleted.class)),
            more("classesInspectedTwice", "督查两次以上的培训班", "Classes inspected at least twice",
                    count(ClassCompleted.class).when(c -> c.inspections() >= 2)),
            more("assessed", "参加考核人次", "Assessments", count(TraineeAssessed.class)),
            more("passed", "考核合格人次", "Passed", count(TraineeAssessed.class).when(TraineeAssessed::passed)),
            more("qualifiedPersons", "考核合格人数", "Qualified trainees",
                    persons(TraineeAssessed.class).when(TraineeAssessed::passed)),
            more("recommendedPersons", "获推荐岗位的人数", "Trainees recommended a job", persons(JobRecommended.class)),
            more("followedUpTwice", "跟踪回访两次以上的人数", "Trainees followed up twice",
                    persons(FollowUpRecorded.class).when(f -> f.followUpNumber() >= 2)),
            more("employedAfterTraining", "培训后即时就业人数", "Employed right after training",
                    persons(FollowUpRecorded.class).when(f -> f.followUpNumber() == 1 && employed(f))),
            more("employedAfterThreeMonths", "培训后三个月就业人数", "Employed 3 months after training",
                    persons(FollowUpRecorded.class).when(f -> f.followUpNumber() >= 2 && employed(f)
                            && f.classEndDate() != null && f.followedUpOn() != null
                            && !f.followedUpOn().isBefore(f.classEndDate().plusMonths(3)))),
            less("duplicateTrainingAttempts", "拦截重复培训报名次数", "Duplicate-training attempts refused",
                    count(DuplicateTrainingAttempted.class)),
            more("subsidyClaimed", "申领培训补贴（元）", "Subsidy claimed (yuan)", sumOfYuan(SubsidyClaimed.class, SubsidyClaimed::amount)),
            more("subsidyApproved", "核准培训补贴（元）", "Subsidy approved (yuan)", sumOfYuan(SubsidyApproved.class, SubsidyApproved::amount)),
            more("subsidyPaid", "拨付培训补贴（元）", "Subsidy paid (yuan)", sumOfYuan(SubsidyPaid.class, SubsidyPaid::amount)),
            // transfer employment (measures 7–13)
            more("transfers", "转移就业人数", "Transfers", Counting.transfers(TRANSFERRED, null)),
            channel(TransferChannel.ORGANISED_OUT_OF_REGION, "区外劳务协作转移", "Organised out-of-region"),
            channel(TransferChannel.CONSTRUCTION_PROJECT, "工程项目带动转移", "Via construction projects"),
            channel(TransferChannel.LOCAL_INDUSTRY, "产业吸纳转移", "Via local industry"),
            channel(TransferChannel.SOCIAL_FORCES, "社会力量转移", "Via social forces"),
            channel(TransferChannel.PRIVATE_ENTERPRISE, "非公企业吸纳", "Via private enterprises"),
            more("govOrganisedOutOfRegion", "政府组织区外就业", "Government-organised out-of-region",
                    persons(PlacementDetailsRecorded.class).when(PlacementDetailsRecorded::governmentOrganisedOutOfRegion)),
            more("jobsDeveloped", "开发就业岗位", "Jobs developed", sum(JobPostingPublished.class, JobPostingPublished::positions)),
            more("urbanNewEmployment", "城镇新增就业", "Urban new employment", persons(UrbanEmploymentRegistered.class)),
            less("registeredUnemployed", "城镇登记失业人数", "Registered unemployed", current(UNEMPLOYMENT).keys()),
            more("urbanLabourForce", "城镇劳动力基数", "Urban labour force (base)",
                    current(LABOUR_FORCE_BASE).sum(Read.of(UrbanLabourForceBaseSet.class, UrbanLabourForceBaseSet::labourForce))),
            more("transferIncome", "转移就业收入（元）", "Transfer income (yuan)", sumOfYuan(IncomeReported.class, IncomeReported::amount)),
            less("householdsWithNobodyEmployed", "易地搬迁户中无人就业户数", "Relocated households with nobody employed",
                    Counting.householdsWithoutWork(RelocatedHouseholdRegistered.class)),
            // construction projects (measures 8, 14)
            more("projectsRegistered", "登记工程项目", "Projects registered", count(ProjectRegistered.class)),
            more("localWorkers", "项目本地农牧民用工", "Local farmers/herders on rosters", current(ROSTER).sum(
                    Read.of(WorkerJoinedProject.class, WorkerJoinedProject::localWorkers)
                            .or(WorkerLeftProject.class, WorkerLeftProject::localWorkers))),
            more("projectWorkers", "项目用工总数", "Workers on rosters", current(ROSTER).sum(
                    Read.of(WorkerJoinedProject.class, WorkerJoinedProject::totalWorkers)
                            .or(WorkerLeftProject.class, WorkerLeftProject::totalWorkers))),
            more("wagePayments", "工资发放笔数", "Wage payments", count(WagePaid.class)),
            more("wagesPaid", "已发放工资（元）", "Wages paid (yuan)", sumOfYuan(WagePaid.class, WagePaid::amount)),
            less("openArrears", "未清偿拖欠工资（元）", "Open wage arrears (yuan)", current(WAGE_ARREARS).sumOfYuan(ARREARS_AMOUNT)),
            less("openArrearsCases", "未清偿拖欠工资人次", "Open arrears cases", current(WAGE_ARREARS).keys()),
            less("openArrearsWorkers", "被拖欠工资人数", "Workers with open arrears", current(WAGE_ARREARS).distinct(
                    Read.of(WageArrearsDetected.class, WageArrearsDetected::personKey)
                            .or(WageArrearsChanged.class, WageArrearsChanged::personKey))),
            less("projectsInArrears", "存在欠薪的项目数", "Projects with open arrears", current(WAGE_ARREARS).distinct(
                    Read.of(WageArrearsDetected.class, WageArrearsDetected::projectId)
                            .or(WageArrearsChanged.class, WageArrearsChanged::projectId))),
            less("openArrearsGovernment", "其中政府投资项目拖欠（元）", "of which government-invested (yuan)",
                    current(WAGE_ARREARS).sumOfYuan(ARREARS_AMOUNT).when(
                            Read.of(WageArrearsDetected.class, WageArrearsDetected::governmentInvested)
                                    .or(WageArrearsChanged.class, WageArrearsChanged::governmentInvested))));

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

    /** The channels' transfer indicators in the plan's order (the enum's), for the per-channel chart. */
    public static final List<String> CHANNEL_INDICATORS = List.copyOf(CHANNEL_INDICATOR.values());

    private IndicatorCatalog() {
    }

    public static Optional<Definition> definition(String id) {
        return DEFINITIONS.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    public static boolean exists(String id) {
        return definition(id).isPresent() || RATIOS.stream().anyMatch(r -> r.id().equals(id));
    }

    private static boolean employed(FollowUpRecorded followUp) {
        return followUp.employmentStatus() != null && !"NOT_EMPLOYED".equals(followUp.employmentStatus());
    }

    /** What the projection counts, one per definition. */
    public static List<Counting> countings() {
        return DEFINITIONS.stream().map(Definition::counting).toList();
    }

    private static Definition more(String id, String zh, String en, Counting.Of<?> counting) {
        return new Definition(id, zh, en, counting.as(id), Direction.HIGHER_IS_BETTER);
    }

    /** People transferred in one channel (the plan's measures 7–11). */
    private static Definition channel(TransferChannel channel, String zh, String en) {
        return more(channelIndicator(channel), zh, en, Counting.transfers(TRANSFERRED, channel.name()));
    }

    /** The indicator counting the transfers of a channel. */
    public static String channelIndicator(TransferChannel channel) {
        return CHANNEL_INDICATOR.get(channel);
    }

    private static Definition less(String id, String zh, String en, Counting.Of<?> counting) {
        return new Definition(id, zh, en, counting.as(id), Direction.LOWER_IS_BETTER);
    }
}
