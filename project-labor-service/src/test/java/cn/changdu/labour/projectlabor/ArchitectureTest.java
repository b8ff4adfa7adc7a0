package cn.changdu.labour.projectlabor;

import cn.changdu.labour.infra.test.ArchitectureRules;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "cn.changdu.labour.projectlabor", importOptions = ImportOption.DoNotIncludeTests.class)
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
    static final ArchRule features = ArchitectureRules.featuresKeepToThemselves("cn.changdu.labour.projectlabor");

    @ArchTest
    static final ArchRule noFeatureCycles = ArchitectureRules.featuresAreFreeOfCycles("cn.changdu.labour.projectlabor");
}
