package org.chimerabench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.data.repository.Repository;

/** The rules of architecture.md §3. */
@AnalyzeClasses(packages = "org.chimerabench", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] FRAMEWORKS = {"org.springframework..", "jakarta.persistence..", "org.hibernate..",
            "com.vaadin.."};

    @ArchTest
    static final ArchRule statsIsPlainJava = noClasses().that().resideInAPackage("..stats..")
            .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
            .because("statistics are plain Java, testable without a container");

    @ArchTest
    static final ArchRule ollamaIsPlainJava = noClasses().that().resideInAPackage("..ollama..")
            .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
            .allowEmptyShould(true)
            .because("the Ollama client is plain Java (JDK HttpClient + Jackson)");

    @ArchTest
    static final ArchRule viewsDoNotUseRepositories = noClasses().that().resideInAPackage("..ui..")
            .should().dependOnClassesThat().areAssignableTo(Repository.class)
            .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
            .because("views call services only");

    @ArchTest
    static final ArchRule viewsDoNotOwnTransactions = noClasses().that().resideInAPackage("..ui..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.transaction..", "jakarta.transaction..")
            .because("services own transactions");

    @ArchTest
    static final ArchRule viewsDoNotComputeStatistics = noClasses().that().resideInAPackage("..ui..")
            .should().dependOnClassesThat().resideInAnyPackage("..stats..", "org.apache.commons.math3..")
            .because("statistics are computed by the analysis, views only lay out");

    @ArchTest
    static final ArchRule servicesDoNotKnowViews = noClasses().that().resideOutsideOfPackage("..ui..")
            .should().dependOnClassesThat().resideInAPackage("org.chimerabench..ui..")
            .because("services never import ui packages");

    @ArchTest
    static final ArchRule viewsArePackagePrivate = classes().that().resideInAPackage("..ui..")
            .and().resideOutsideOfPackage("..base.ui..")
            .and().areTopLevelClasses()
            .should().notBePublic()
            .because("feature/ui/ is package-private; feature/ is the API");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.chimerabench.(**)").should().beFreeOfCycles();
}
