import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The slowest test classes of a run, from the Surefire/Failsafe XML reports: {@code java .ci/SlowestTests.java 10
 * target/surefire-reports target/failsafe-reports}. A class's time includes the Spring context it started.
 */
public class SlowestTests {

    private static final Pattern SUITE = Pattern.compile("<testsuite\\b[^>]*>");
    private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]+)\"");
    private static final Pattern TIME = Pattern.compile("\\btime=\"([0-9.,]+)\"");
    private static final Pattern TESTS = Pattern.compile("\\btests=\"(\\d+)\"");

    record Suite(String name, double seconds, int tests, String folder) {
    }

    public static void main(String[] args) throws IOException {
        int count = Integer.parseInt(args[0]);
        List<Suite> suites = new ArrayList<>();
        double total = 0;
        for (int i = 1; i < args.length; i++) {
            Path folder = Path.of(args[i]);
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (DirectoryStream<Path> reports = Files.newDirectoryStream(folder, "TEST-*.xml")) {
                for (Path report : reports) {
                    String head = Files.readString(report);
                    Matcher suite = SUITE.matcher(head);
                    if (!suite.find()) {
                        continue;
                    }
                    String tag = suite.group();
                    Matcher name = NAME.matcher(tag);
                    Matcher time = TIME.matcher(tag);
                    Matcher tests = TESTS.matcher(tag);
                    if (name.find() && time.find()) {
                        double seconds = Double.parseDouble(time.group(1).replace(",", ""));
                        total += seconds;
                        suites.add(new Suite(name.group(1), seconds, tests.find() ? Integer.parseInt(tests.group(1)) : 0,
                                folder.getFileName().toString()));
                    }
                }
            }
        }
        suites.sort((a, b) -> Double.compare(b.seconds(), a.seconds()));
        System.out.printf(Locale.ROOT, "The %d slowest of %d test classes (%.0f s of class time in all):%n",
                Math.min(count, suites.size()), suites.size(), total);
        for (Suite suite : suites.subList(0, Math.min(count, suites.size()))) {
            System.out.printf(Locale.ROOT, "  %6.1f s  %3d tests  %s (%s)%n", suite.seconds(), suite.tests(),
                    suite.name(), suite.folder());
        }
    }
}
