package org.patchdesk.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.patchdesk", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule onlyUiAndAppUseJavaFx = noClasses()
            .that().resideOutsideOfPackages("..ui..", "org.patchdesk.app..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "com.calendarfx..")
            .because("business rules live in services that the command line uses without a display");

    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles = slices()
            .matching("org.patchdesk.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule servicesDoNotDependOnTheApplication = noClasses()
            .that().resideOutsideOfPackage("org.patchdesk.app..")
            .should().dependOnClassesThat().resideInAPackage("org.patchdesk.app..");
}
