package cn.changdu.labour.infra.test;

import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The boundaries every domain service keeps (package by feature: {@code <feature>.api}, {@code .model},
 * {@code .web}, plus {@code integration}). Each service's architecture test checks its classes against these.
 */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /**
     * Aggregates speak the language of the plan: no Spring, no web, no persistence, no Kafka, none of the platform's
     * support modules (Spring-based); what they share is in domain-kernel ({@code cn.changdu.labour.kernel}).
     */
    public static final ArchRule DOMAIN_MODEL_IS_FREE_OF_FRAMEWORKS = noClasses()
            .that().resideInAPackage("..model..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "jakarta.servlet..", "com.mongodb..", "org.bson..",
                    "org.apache.kafka..", "java.sql..", "..web..", "..integration..", "cn.changdu.labour.support..")
            .because("the domain model holds the plan's rules and nothing else");

    /** Commands and events are plain records that anything in the service may use; they use nothing back. */
    public static final ArchRule API_DEPENDS_ON_NOTHING_OF_THE_SERVICE = noClasses()
            .that().resideInAPackage("..api..")
            .should().dependOnClassesThat().resideInAnyPackage("..model..", "..web..", "..integration..", "org.springframework..")
            .because("commands and events are the service's internal contract");
}
