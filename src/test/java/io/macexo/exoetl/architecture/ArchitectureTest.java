package io.macexo.exoetl.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package structure of the product (src/main), as rules on its compiled classes:
 *
 * <pre>
 *   cli, progress            the edges people and schedulers touch
 *     pipeline               PrepareJob: the steps sequenced in one place
 *       discover read validate assemble stats write audit   the steps
 *       report card hub synth                               take model types only
 *         model config       at the bottom
 * </pre>
 *
 * Each rule fails on one wrong import, with the offending class and line in its message.
 */
class ArchitectureTest {
  private static final String ROOT = "io.macexo.exoetl";
  private static JavaClasses product;

  @BeforeAll
  static void importProduct() {
    product =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages(ROOT);
  }

  private static String[] packages(String... names) {
    String[] result = new String[names.length];
    for (int i = 0; i < names.length; i++) {
      result[i] = ROOT + "." + names[i] + "..";
    }
    return result;
  }

  @Test
  void thePackagesHaveNoCycles() {
    slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(product);
  }

  @Test
  void theModelDependsOnNoOtherPackage() {
    rule("model", packages("model")).check(product);
  }

  @Test
  void theConfigurationDependsOnTheModelOnly() {
    rule("config", packages("config", "model")).check(product);
  }

  @Test
  void theStepsDependOnTheModelTheConfigurationAndEachOtherOnly() {
    String[] allowed =
        packages("model", "config", "discover", "read", "validate", "assemble", "stats", "write");
    for (String step :
        new String[] {"discover", "read", "validate", "assemble", "stats", "write"}) {
      rule(step, allowed).check(product);
    }
  }

  @Test
  void reportCardHubAndSynthTakeModelTypesOnly() {
    rule("report", packages("report", "model", "config")).check(product);
    rule("card", packages("card", "model")).check(product);
    rule("hub", packages("hub", "card", "model")).check(product);
    rule("synth", packages("synth", "model")).check(product);
  }

  @Test
  void nothingBelowThePipelineKnowsIt() {
    noClasses()
        .that()
        .resideOutsideOfPackages(packages("pipeline", "progress", "cli"))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(packages("pipeline", "progress", "cli"))
        .check(product);
  }

  @Test
  void thePipelineDoesNotKnowTheCliOrTheConsole() {
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".pipeline..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(packages("cli", "progress", "hub", "audit", "synth"))
        .check(product);
  }

  @Test
  void theHubNeverStartsSpark() {
    noClasses()
        .that()
        .resideInAnyPackage(packages("hub", "card"))
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.apache.spark..")
        .check(product);
  }

  @Test
  void validationAndAssemblyNeverTouchTheFileSystem() {
    noClasses()
        .that()
        .resideInAnyPackage(packages("validate", "assemble"))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.hadoop.fs..", "java.nio.file..")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.io.File")
        .check(product);
  }

  /** Classes of package {@code name} depend on no product package but {@code allowed}. */
  private static ArchRule rule(String name, String... allowed) {
    DescribedPredicate<JavaClass> elsewhereInTheProduct =
        JavaClass.Predicates.resideInAPackage(ROOT + "..")
            .and(DescribedPredicate.not(JavaClass.Predicates.resideInAnyPackage(allowed)))
            .as("are product classes outside " + String.join(", ", allowed));
    return noClasses()
        .that()
        .resideInAPackage(ROOT + "." + name + "..")
        .should()
        .dependOnClassesThat(elsewhereInTheProduct);
  }
}
