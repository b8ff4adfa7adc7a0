package cn.changdu.labour.infra.test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The boundaries every domain service keeps (docs/architecture.md). A service is packaged by feature
 * ({@code <service>.<feature>}), and a feature by layer: {@code api} (commands, events, values), {@code model}
 * (aggregates and the rule objects they share with the application layer), {@code app} (one use-case service per
 * flow), {@code query} (view tables and typed queries), {@code web} (HTTP mapping); {@code integration} maps
 * events to the published contracts. Each domain service's architecture test runs all of them
 * ({@code ArchTests.in(ArchitectureRules.class)}) over its classes.
 */
public final class ArchitectureRules {

    private static final String RULE_VIOLATION = "cn.changdu.labour.kernel.RuleViolation";
    /** A rule of the request (400), not of the plan: controllers may refuse a malformed path or parameter. */
    private static final String INVALID_INPUT = "cn.changdu.labour.support.web.InvalidInput";
    private static final String REST_CONTROLLER = "org.springframework.web.bind.annotation.RestController";
    private static final String[] MONGODB = {"org.springframework.data.mongodb..", "com.mongodb..", "org.bson.."};
    private static final String[] STORAGE = concat(MONGODB, "org.springframework.jdbc..", "java.sql..", "javax.sql..",
            "org.h2..", "org.postgresql..");
    /** {@code cn.changdu.labour.<service>.<feature>.<layer>…} */
    private static final Pattern LAYERED = Pattern.compile("cn\\.changdu\\.labour\\.(\\w+)\\.(\\w+)\\.(\\w+)(\\..*)?");

    private ArchitectureRules() {
    }

    /**
     * Aggregates speak the language of the plan: no Spring, no web, no persistence, no Kafka, none of the platform's
     * support modules (Spring-based); what they share is in domain-kernel ({@code cn.changdu.labour.kernel}).
     */
    @ArchTest
    public static final ArchRule DOMAIN_MODEL_IS_FREE_OF_FRAMEWORKS = noClasses()
            .that().resideInAPackage("..model..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "jakarta.servlet..", "com.mongodb..", "org.bson..",
                    "org.apache.kafka..", "java.sql..", "..web..", "..app..", "..query..", "..integration..",
                    "cn.changdu.labour.support..")
            .because("the domain model holds the plan's rules and nothing else");

    /** Commands and events are plain records that anything in the service may use; they use nothing back. */
    @ArchTest
    public static final ArchRule API_DEPENDS_ON_NOTHING_OF_THE_SERVICE = noClasses()
            .that().resideInAPackage("..api..")
            .should().dependOnClassesThat().resideInAnyPackage("..model..", "..app..", "..query..", "..web..",
                    "..integration..", "org.springframework..")
            .because("commands and events are the service's internal contract");

    /**
     * Controllers map HTTP to use cases and queries and back: they send no command, open no store and apply no rule
     * of the model themselves.
     */
    @ArchTest
    public static final ArchRule WEB_IS_HTTP_MAPPING_ONLY = noClasses()
            .that().resideInAPackage("..web..")
            .should().dependOnClassesThat().resideInAnyPackage(concat(STORAGE, "..model..", "org.axonframework..",
                    "cn.changdu.labour.support.commands.."))
            .because("use cases run in the app layer and reads in the query layer (docs/architecture.md)");

    /** A controller is one resource's HTTP mapping: it uses no other controller, nor the request records of one. */
    @ArchTest
    public static final ArchRule CONTROLLERS_DO_NOT_USE_EACH_OTHER = classes()
            .should(useNoOtherController())
            .because("what two endpoints share is a use case (app) or a query, not a controller");

    /** Only the query layer touches storage (SQL, MongoDB): everything else reads through its typed queries. */
    @ArchTest
    public static final ArchRule STORAGE_IN_QUERY_ONLY = noClasses()
            .that().resideOutsideOfPackage("..query..")
            .should().dependOnClassesThat().resideInAnyPackage(STORAGE)
            .because("a feature's query package owns its tables and their SQL");

    /**
     * A refusal names a rule of the plan, and the plan's rules live in the model (aggregates and the rule objects the
     * application layer shares with them): no other layer makes up a rule violation of its own. A rule of the
     * request ({@code InvalidInput}: a malformed path or parameter, 400) is not one of the plan.
     */
    @ArchTest
    public static final ArchRule RULE_VIOLATIONS_COME_FROM_THE_MODEL = noClasses()
            .that().resideOutsideOfPackages("..model..", "cn.changdu.labour.kernel..")
            .and(notARuleViolation())
            .should(constructRuleViolations())
            .because("a rule checked outside the model is a copy that drifts from the aggregate's");

    /** The domain services keep their events and views in their relational database, never in MongoDB. */
    @ArchTest
    public static final ArchRule NO_MONGODB = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(MONGODB)
            .because("a domain service's event store and views are tables of its own database (README, Storage)");

    /**
     * Features of a service ({@code <service>.<feature>.<layer>}) use each other only through the other's {@code api}
     * and {@code app} packages, never its model, queries or controllers.
     */
    @ArchTest
    public static final ArchRule FEATURES_KEEP_TO_THEMSELVES = classes()
            .should(reachOtherFeaturesOnlyThroughApiAndApp())
            .because("a feature's model, views and controllers are its own (docs/architecture.md)");

    /** No two features of a service depend on each other both ways. */
    @ArchTest
    public static final ArchRule FEATURES_ARE_FREE_OF_CYCLES = slices()
            .matching("cn.changdu.labour.(*).(*)..").should().beFreeOfCycles();

    private static ArchCondition<JavaClass> reachOtherFeaturesOnlyThroughApiAndApp() {
        return new ArchCondition<>("reach other features only through their api and app") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                Matcher source = LAYERED.matcher(origin.getPackageName());
                if (!source.matches()) {
                    return;  // service-wide wiring (config, integration) is no feature
                }
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    Matcher target = LAYERED.matcher(dependency.getTargetClass().getPackageName());
                    boolean otherFeature = target.matches() && target.group(1).equals(source.group(1))
                            && !target.group(2).equals(source.group(2));
                    if (otherFeature && List.of("model", "query", "web").contains(target.group(3))) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    private static ArchCondition<JavaClass> useNoOtherController() {
        return new ArchCondition<>("use no other controller") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                JavaClass self = topLevel(origin);
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = topLevel(dependency.getTargetClass());
                    if (!target.equals(self) && target.isAnnotatedWith(REST_CONTROLLER)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    private static JavaClass topLevel(JavaClass c) {
        JavaClass outer = c;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer;
    }

    private static DescribedPredicate<JavaClass> notARuleViolation() {
        return DescribedPredicate.describe("are not rule violations themselves",
                c -> !c.isAssignableTo(RULE_VIOLATION));
    }

    private static ArchCondition<JavaClass> constructRuleViolations() {
        return new ArchCondition<>("construct rule violations") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (JavaConstructorCall call : origin.getConstructorCallsFromSelf()) {
                    JavaClass made = call.getTargetOwner();
                    if (made.isAssignableTo(RULE_VIOLATION) && !made.isAssignableTo(INVALID_INPUT)) {
                        events.add(SimpleConditionEvent.satisfied(call, call.getDescription()));
                    }
                }
            }
        };
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
