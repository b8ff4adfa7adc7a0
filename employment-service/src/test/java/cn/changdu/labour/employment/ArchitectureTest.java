package cn.changdu.labour.employment;

import cn.changdu.labour.infra.test.ArchitectureRules;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "cn.changdu.labour.employment", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainModel = ArchitectureRules.DOMAIN_MODEL_IS_FREE_OF_FRAMEWORKS;

    @ArchTest
    static final ArchRule api = ArchitectureRules.API_DEPENDS_ON_NOTHING_OF_THE_SERVICE;

    @ArchTest
    static final ArchRule web = ArchitectureRules.WEB_IS_HTTP_MAPPING_ONLY;

    @ArchTest
    static final ArchRule storage = ArchitectureRules.STORAGE_IN_QUERY_ONLY;

    @ArchTest
    static final ArchRule ruleViolations = ArchitectureRules.RULE_VIOLATIONS_COME_FROM_THE_MODEL;

    @ArchTest
    static final ArchRule features = ArchitectureRules.featuresKeepToThemselves("cn.changdu.labour.employment");

    @ArchTest
    static final ArchRule noFeatureCycles = ArchitectureRules.featuresAreFreeOfCycles("cn.changdu.labour.employment");

    @ArchTest
    static final ArchRule noMongoDb = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("com.mongodb..", "org.bson..",
                    "org.springframework.data.mongodb..")
            .because("employment's views are in its relational database beside the event store (README, Storage)");

    /** Each feature's query package owns its SQL; controllers and importers call its queries class. */
    @ArchTest
    static final ArchRule sqlOnlyInQueryPackages = noClasses()
            .that().resideOutsideOfPackage("..query..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..", "javax.sql..")
            .because("the query package of each feature owns its SQL (a projection writes, a queries class reads)");
}
