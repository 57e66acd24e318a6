package org.chimerabench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.vaadin.flow.router.Route;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.chimerabench.base.ui.SharedComponent;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;

/**
 * The rules of docs/architecture.md §3: plain-Java {@code stats} and {@code ollama}; views that only lay out;
 * features ({@code org.chimerabench.<feature>} with its {@code ui/} and {@code api/}) free of cycles, test sources
 * included; each feature's tables read by SQL only in that feature; the sweep's repositories used only inside
 * {@code sweep} (others go through its door, {@code SweepLifecycle}); execution's read models only behind its read
 * port, {@code MeasuredCalls}; and tests that sleep only where the time is the scenario.
 */
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
    static final ArchRule routesArePackagePrivate = classes().that().areAnnotatedWith(Route.class)
            .should().notBePublic()
            .because("a feature's views are its own; other features link to them by route");

    @ArchTest
    static final ArchRule uiIsPackagePrivate = classes().that().resideInAPackage("..ui..")
            .and().resideOutsideOfPackage("..base.ui..")
            .and().areTopLevelClasses()
            .and().areNotAnnotatedWith(SharedComponent.class)
            .should().notBePublic()
            .because("feature/ui/ is package-private; feature/ is the API (a component another feature's page"
                    + " embeds says so with @SharedComponent)");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.chimerabench.(**)").should().beFreeOfCycles();

    /** Main and test classes: a test of a feature may use only what the feature itself may use. */
    private static final JavaClasses MAIN_AND_TESTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("org.chimerabench");

    @Test
    void featuresAreFreeOfCycles() {
        slices().assignedFrom(FEATURES).should().beFreeOfCycles()
                .because("a feature and its ui/ are one unit; features depend one way only (docs/architecture.md §3)")
                .check(MAIN_AND_TESTS);
    }

    /** Names, not class literals: both are package-private, which already keeps main code out. */
    static final ArchRule onlySweepTouchesItsRepositories = noClasses()
            .that().resideOutsideOfPackage("org.chimerabench.sweep..")
            .should().dependOnClassesThat()
            .haveNameMatching("org\\.chimerabench\\.sweep\\.(Sweep|Configuration)Repository(\\$.*)?")
            .because("sweep owns its lifecycle: other features change a sweep through sweep.SweepLifecycle and read"
                    + " it through sweep.SweepService (docs/architecture.md §3, §4)");

    @Test
    void noClassOutsideSweepTouchesItsRepositories() {
        onlySweepTouchesItsRepositories.check(MAIN_AND_TESTS);
    }

    static final ArchRule callsAreReadThroughThePort = noClasses()
            .that().resideOutsideOfPackage("org.chimerabench.execution..")
            .should().dependOnClassesThat().haveNameMatching(
                    "org\\.chimerabench\\.execution\\.(TrialMeasures|LoadMeasures|PlacementMeasures|RaceReferee)(\\$.*)?")
            .because("the analysis (and every other feature) reads the stored calls through execution.MeasuredCalls,"
                    + " the one read port of the feature that stores them (docs/architecture.md §3, §4)");

    @Test
    void analysisReadsStoredCallsOnlyThroughThePort() {
        callsAreReadThroughThePort.check(MAIN_AND_TESTS);
    }

    /**
     * org.chimerabench.(feature).. — a feature with its ui/ and api/ is one slice. The test-only {@code support}
     * package (fixtures that import through every feature) and the root package are no feature.
     */
    static final SliceAssignment FEATURES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass type) {
            String name = type.getPackageName();
            if (!name.startsWith("org.chimerabench.")) {
                return SliceIdentifier.ignore();
            }
            String feature = name.substring("org.chimerabench.".length()).split("\\.")[0];
            return feature.equals("support") ? SliceIdentifier.ignore() : SliceIdentifier.of(feature);
        }

        @Override
        public String getDescription() {
            return "features org.chimerabench.(*)..";
        }
    };

    private static final Pattern SQL_TABLE = Pattern.compile("\\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\\s+([A-Za-z_][A-Za-z0-9_]*)");

    @Test
    void eachFeatureReadsOnlyItsOwnTablesBySql() throws IOException {
        Map<String, String> owners = tableOwners();
        assertThat(owners).containsKeys("sweep", "configuration", "trial", "call_record", "endpoint",
                "sweep_endpoint", "Sweep", "CallRecord");
        List<String> violations = new ArrayList<>();
        Path root = Path.of("src/main/java/org/chimerabench");
        try (Stream<Path> sources = Files.walk(root)) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                String feature = root.relativize(source).getName(0).toString();
                String code = withoutComments(Files.readString(source));
                Matcher sql = SQL_TABLE.matcher(code);
                while (sql.find()) {
                    String owner = owners.get(sql.group(1));
                    if (owner != null && !owner.equals(feature)) {
                        violations.add(root.relativize(source) + " reads " + sql.group(1) + " (owned by " + owner
                                + ")");
                    }
                }
            }
        }
        assertThat(violations).as("go through the owning feature's repository or the read model it publishes")
                .isEmpty();
    }

    /** Table (and JPQL entity) name → the feature whose entities map it; db-scheduler's table is execution's. */
    private static Map<String, String> tableOwners() {
        Map<String, String> owners = new TreeMap<>();
        owners.put("scheduled_tasks", "execution");
        for (JavaClass type : MAIN_AND_TESTS) {
            if (!type.isAnnotatedWith(Entity.class) || !type.getPackageName().startsWith("org.chimerabench.")) {
                continue;
            }
            String feature = type.getPackageName().substring("org.chimerabench.".length()).split("\\.")[0];
            owners.put(type.getSimpleName(), feature);
            owners.put(type.getAnnotationOfType(Table.class).name(), feature);
            type.getFields().stream().filter(f -> f.isAnnotatedWith(CollectionTable.class))
                    .forEach(f -> owners.put(f.getAnnotationOfType(CollectionTable.class).name(), feature));
        }
        return owners;
    }

    private static String withoutComments(String code) {
        return code.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
    }

    /**
     * Tests wait for a signal (Awaitility, or a condition polled), never for a guessed time. A sleep is allowed only
     * where the time is the scenario itself; each such class says why. Benchmarks pace their load on purpose.
     */
    static final Map<String, String> SLEEPS_ALLOWED = Map.of(
            "org.chimerabench.ollama.FakeOllama", "a model's load time, as Ollama spends it before answering",
            "org.chimerabench.ollama.TricklingOllama", "a server that sends a byte every 2 s",
            "org.chimerabench.ollama.OllamaClientFaultTest", "a 10 ms sleep that throws if an interrupt was left behind",
            "org.chimerabench.sweep.SweepServiceTransactionTest", "an endpoint's answer time, and sampling the pool meanwhile",
            "org.chimerabench.base.CoalescerTest", "signals 20 ms apart, and a window in which nothing may run",
            "org.chimerabench.execution.LoadExecutionTest", "a window longer than a call, in which no call may end",
            "org.chimerabench.execution.StuckEndpointTest", "sampling a healthy endpoint while another one hangs",
            "org.chimerabench.execution.EndpointDownTest", "one second of outage");

    @Test
    void testsSleepOnlyWhereTheTimeIsTheScenario() {
        JavaClasses tests = new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .importPackages("org.chimerabench");
        DescribedPredicate<JavaClass> notAllowed = DescribedPredicate.describe(
                "are neither on the allow-list nor benchmarks", type -> {
                    String outer = type.getName().contains("$")
                            ? type.getName().substring(0, type.getName().indexOf('$')) : type.getName();
                    return !SLEEPS_ALLOWED.containsKey(outer) && !outer.endsWith("BenchmarkTest");
                });
        noClasses().that(notAllowed)
                .should().callMethod(Thread.class, "sleep", long.class)
                .orShould().callMethod(Thread.class, "sleep", long.class, int.class)
                .orShould().callMethod(java.util.concurrent.TimeUnit.class, "sleep", long.class)
                .because("tests wait for a signal, not a guessed time (ArchitectureTest.SLEEPS_ALLOWED)")
                .check(tests);
    }
}
