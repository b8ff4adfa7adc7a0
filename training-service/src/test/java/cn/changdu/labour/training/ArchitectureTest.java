package cn.changdu.labour.training;

import cn.changdu.labour.infra.test.ArchitectureRules;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "cn.changdu.labour.training", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainModel = ArchitectureRules.DOMAIN_MODEL_IS_FREE_OF_FRAMEWORKS;

    @ArchTest
    static final ArchRule api = ArchitectureRules.API_DEPENDS_ON_NOTHING_OF_THE_SERVICE;
}
