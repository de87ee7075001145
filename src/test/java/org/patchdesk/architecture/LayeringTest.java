package org.patchdesk.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

@AnalyzeClasses(packages = "org.patchdesk", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule onlyUiAndAppUseJavaFx = noClasses()
            .that().resideOutsideOfPackages("..ui..", "org.patchdesk.app..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "com.calendarfx..")
            .because("business rules live in services that the command line uses without a display");

    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles = slices()
            .assignedFrom(new FeatureSlices())
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule servicesDoNotDependOnTheApplication = noClasses()
            .that().resideOutsideOfPackage("org.patchdesk.app..")
            .should().dependOnClassesThat().resideInAPackage("org.patchdesk.app..");

    /**
     * Puts each package under org.patchdesk, with its subpackages, in one slice. The report features
     * under org.patchdesk.reports (such as reports.department) are slices of their own: they read the
     * feature services, which print through the shared layout classes in org.patchdesk.reports itself.
     */
    static final class FeatureSlices implements SliceAssignment {

        private static final String ROOT = "org.patchdesk.";

        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            if (!name.startsWith(ROOT)) {
                return SliceIdentifier.ignore();
            }
            String[] parts = name.substring(ROOT.length()).split("\\.");
            if (parts[0].equals("reports") && parts.length > 1) {
                return SliceIdentifier.of("reports." + parts[1]);
            }
            return SliceIdentifier.of(parts[0]);
        }

        @Override
        public String getDescription() {
            return "feature packages of org.patchdesk, and each report feature under org.patchdesk.reports";
        }
    }
}
