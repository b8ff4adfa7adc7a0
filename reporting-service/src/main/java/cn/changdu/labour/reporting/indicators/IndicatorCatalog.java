package cn.changdu.labour.reporting.indicators;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every indicator of the plan the dashboard shows, defined over projected facts. Adding an indicator over events
 * that are already projected is one line here (and its target in {@link Targets}, if the plan sets one).
 */
public final class IndicatorCatalog {

    public enum Measure {
        /** number of events */
        COUNT,
        /** distinct persons (personKey) within the scope and year: a person counts once across services */
        PERSONS,
        /** sum of a decimal payload field, exact to the fen */
        SUM_YUAN
    }

    /** Whether more is better (people trained) or less (unemployment rate, arrears). */
    public enum Direction { HIGHER_IS_BETTER, LOWER_IS_BETTER }

    /**
     * @param types  the fact types it counts
     * @param where  payload field → required value (e.g. channel = CONSTRUCTION_PROJECT)
     * @param field  for {@link Measure#SUM_YUAN}: the payload field summed
     */
    public record Definition(String id, String zh, String en, Measure measure, Set<String> types,
                             Map<String, String> where, String field, Direction direction) {

        boolean matches(String type, Map<String, Object> payload) {
            if (!types.contains(type)) {
                return false;
            }
            for (Map.Entry<String, String> condition : where.entrySet()) {
                if (!condition.getValue().equals(String.valueOf(payload.get(condition.getKey())))) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A share of one indicator in another, in percent (e.g. order-directed share of training). */
    public record Ratio(String id, String zh, String en, String numerator, String denominator, Direction direction) {
    }

    private static final String ENROLLED = "training.TraineeEnrolled";
    private static final String PLACED = "employment.WorkerPlaced";

    public static final List<Definition> DEFINITIONS = List.of(
            count("classesFiled", "报备培训班", "Classes filed", "training.ClassFiled"),
            persons("peopleTrained", "农牧民技能培训人数", "People trained", Set.of(ENROLLED), Map.of()),
            count("enrolments", "培训报名人次", "Enrolments", ENROLLED),
            persons("transfers", "转移就业人数", "Transfers", Set.of(PLACED), Map.of()),
            persons("transfersOrganisedOutOfRegion", "区外劳务协作转移", "Organised out-of-region",
                    Set.of(PLACED), Map.of("channel", "ORGANISED_OUT_OF_REGION")),
            persons("transfersConstruction", "工程项目带动转移", "Via construction projects",
                    Set.of(PLACED), Map.of("channel", "CONSTRUCTION_PROJECT")),
            persons("transfersLocalIndustry", "产业吸纳转移", "Via local industry",
                    Set.of(PLACED), Map.of("channel", "LOCAL_INDUSTRY")),
            persons("transfersSocialForces", "社会力量转移", "Via social forces",
                    Set.of(PLACED), Map.of("channel", "SOCIAL_FORCES")),
            persons("transfersPrivateEnterprise", "非公企业吸纳", "Via private enterprises",
                    Set.of(PLACED), Map.of("channel", "PRIVATE_ENTERPRISE")),
            count("projectsRegistered", "登记工程项目", "Projects registered", "projectlabor.ProjectRegistered"),
            count("wagePayments", "工资发放笔数", "Wage payments", "projectlabor.WagePaid"),
            new Definition("wagesPaid", "已发放工资（元）", "Wages paid (yuan)", Measure.SUM_YUAN,
                    Set.of("projectlabor.WagePaid"), Map.of(), "amount", Direction.HIGHER_IS_BETTER));

    public static final List<Ratio> RATIOS = List.of();

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

    private static Definition count(String id, String zh, String en, String type) {
        return new Definition(id, zh, en, Measure.COUNT, Set.of(type), Map.of(), null, Direction.HIGHER_IS_BETTER);
    }

    private static Definition persons(String id, String zh, String en, Set<String> types, Map<String, String> where) {
        return new Definition(id, zh, en, Measure.PERSONS, types, where, null, Direction.HIGHER_IS_BETTER);
    }
}
