package cn.changdu.labour.reporting;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

@AnalyzeClasses(packages = "cn.changdu.labour.reporting", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The projection tells its listeners (alerts, figures, live updates) and is given its countings: it knows none of them. */
    @ArchTest
    static final ArchRule noCycles = slices().matching("cn.changdu.labour.reporting.(*)..").should().beFreeOfCycles();

    /** Reporting reads the published language, never a domain service's code. */
    @ArchTest
    static final ArchRule contractsOnly = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("cn.changdu.labour.training..", "cn.changdu.labour.employment..",
                    "cn.changdu.labour.projectlabor..")
            .because("reporting knows the services only by their integration events (cn.changdu.labour.contracts)");
}
