package cn.changdu.labour.training;

import cn.changdu.labour.infra.test.ArchitectureRules;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "cn.changdu.labour.training", importOptions = ImportOption.DoNotIncludeTests.class)
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
    static final ArchRule features = ArchitectureRules.featuresKeepToThemselves("cn.changdu.labour.training");

    @ArchTest
    static final ArchRule noFeatureCycles = ArchitectureRules.featuresAreFreeOfCycles("cn.changdu.labour.training");

    /** The read models live in the service's relational database: nothing of training speaks MongoDB. */
    @ArchTest
    static final ArchRule noMongo = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.springframework.data.mongodb..", "com.mongodb..", "org.bson..")
            .because("training's read models are tables of its own database (V10__training_views.sql)");

    /** SQL belongs to the query package (projection and queries); controllers and importers call the queries class. */
    @ArchTest
    static final ArchRule sqlInQueryOnly = noClasses().that().resideOutsideOfPackage("..query..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..")
            .because("the query package of a feature owns its SQL");
}
