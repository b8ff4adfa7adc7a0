package cn.changdu.labour.projectlabor;

import cn.changdu.labour.infra.test.ArchitectureRules;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;

/** The layers every domain service keeps (docs/architecture.md), over this service's classes. */
@AnalyzeClasses(packages = "cn.changdu.labour.projectlabor", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests layers = ArchTests.in(ArchitectureRules.class);
}
