package org.chimerabench.home.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chimerabench.exchange.ExampleService;
import org.chimerabench.support.AsAdmin;
import org.chimerabench.support.Browser;
import org.chimerabench.support.BrowserTest;
import org.chimerabench.support.TestUsers;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Real Chromium at 1440 × 900 and at 390 × 844 on the published example: the results, compare, report and
 * dashboard pages put the verdict on the first screen, nothing is wider than the screen except inside a box that
 * scrolls and says so, and no page (those, the sweeps list, endpoints, editor, comparison report) nor the Markdown
 * reports shows an enum constant or an ASCII-minus number.
 * Screenshots: target/screenshots/layout-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:layout-${random.uuid};DB_CLOSE_DELAY=-1")
@DirtiesContext
@AsAdmin
@Order(4) // longest first, packaged-app and browser tests alternating
public class ReadableLayoutIT extends BrowserTest {

    /**
     * Elements that stick out of the viewport on the right while starting on screen, unless inside a scroll box
     * (overflow-x auto/scroll, or a vaadin-grid) that itself fits and sits in a {@code .scroll-cue}. Plus the page's
     * own sideways scroll.
     */
    public static final String OVERFLOW = """
            const vw = document.documentElement.clientWidth;
            const up = (n) => n.parentElement || (n.getRootNode && n.getRootNode().host) || null;
            const scrollBox = (el) => {
              for (let p = up(el); p && p !== document.body; p = up(p)) {
                const x = getComputedStyle(p).overflowX;
                if (x === 'auto' || x === 'scroll' || p.tagName === 'VAADIN-GRID') return p;
              }
              return null;
            };
            const name = (el) => el.tagName.toLowerCase() + (el.className && el.className.baseVal === undefined
                ? '.' + String(el.className).trim().split(/\\s+/).join('.') : '')
                + ' "' + (el.textContent || '').trim().slice(0, 40) + '"';
            const bad = [];
            if (document.documentElement.scrollWidth > vw + 1) bad.push('page scrolls sideways: '
                + document.documentElement.scrollWidth + ' > ' + vw);
            for (const el of document.querySelectorAll('body *')) {
              const r = el.getBoundingClientRect();
              if (r.width === 0 || r.height === 0 || r.right <= vw + 1 || r.left >= vw || r.right <= 0) continue;
              if (getComputedStyle(el).visibility === 'hidden') continue;
              // Vaadin's connection indicator ("Online"), not part of any page
              if (el.closest('.v-status-message, vaadin-connection-indicator, vaadin-dev-tools')) continue;
              const box = scrollBox(el);
              if (box && box.closest('.scroll-cue') && box.getBoundingClientRect().right <= vw + 1) continue;
              bad.push(name(el) + ' right=' + Math.round(r.right));
              if (bad.length > 15) break;
            }
            return bad;
            """;

    @Autowired
    ExampleService examples;
    @Autowired
    TestRestTemplate rest;

    @Test
    void everyResultsPageReadsWellOnADeskAndOnAPhone() throws IOException {
        List<Long> ids = examples.loadChimeraforge().sweepIds();
        long rust = ids.get(0);
        long python = ids.get(1);
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("results", "/sweeps/" + rust);
        pages.put("compare", "/compare?a=" + rust + "&b=" + python);
        pages.put("report", "/sweeps/" + rust + "/report");
        pages.put("dashboard", "/");
        List<String> texts = new ArrayList<>();
        for (int[] size : new int[][] {{1440, 900}, {390, 844}}) {
            if (size[0] != 1440) {
                browser.quit();
                browser = Browser.start(size[0], size[1]);
                wait = new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(90));
                logIn(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
            }
            for (Map.Entry<String, String> page : pages.entrySet()) {
                String where = page.getKey() + " at " + size[0] + " px";
                browser.get(url(page.getValue()));
                String verdict = switch (page.getKey()) {
                    case "report" -> ".report-body p strong";
                    case "dashboard" -> ".sweep-card .verdict-badges";
                    default -> ".verdict-banner";
                };
                wait.until(d -> !d.findElements(By.cssSelector(verdict)).isEmpty());
                if (!page.getKey().equals("dashboard")) {
                    wait.until(d -> !d.findElements(By.cssSelector(".apex-chart svg.apexcharts-svg")).isEmpty());
                }
                if (page.getKey().equals("results")) {
                    wait.until(d -> !d.findElements(By.cssSelector(".configurations-grid")).isEmpty());
                }
                settle(); // charts drawn, layout still
                @SuppressWarnings("unchecked")
                List<String> overflow = (List<String>) script(OVERFLOW);
                assertThat(overflow).as(where + ": wider than the screen outside a scroll box with a cue").isEmpty();
                Number top = (Number) script("return arguments[0].getBoundingClientRect().top",
                        browser.findElement(By.cssSelector(verdict)));
                assertThat(top.doubleValue()).as(where + ": the verdict on the first screen").isBetween(0.0,
                        size[1] * 0.8);
                screenshot("layout-" + page.getKey() + "-" + size[0] + ".png");
                if (size[0] < 500) {
                    fullPage("layout-" + page.getKey() + "-" + size[0] + "-full.png", size);
                }
                texts.add(where + "\n" + browser.findElement(By.tagName("body")).getText());
            }
        }
        for (String path : List.of("/sweeps", "/endpoints", "/sweeps/new", "/compare/report?a=" + rust + "&b=" + python)) {
            browser.get(url(path));
            wait.until(d -> !d.findElements(By.cssSelector(".view-title, .report-body, vaadin-grid")).isEmpty());
            settle();
            texts.add(path + "\n" + browser.findElement(By.tagName("body")).getText());
        }
        texts.add("report.md\n" + markdown("/api/sweeps/" + rust + "/report.md"));
        texts.add("compare report.md\n" + markdown("/api/compare/report.md?a=" + rust + "&b=" + python));
        for (String text : texts) {
            String where = text.lines().findFirst().orElse("");
            assertThat(enumConstantsIn(text)).as(where + ": enum constant names").isEmpty();
            assertThat(asciiMinusNumbers(text)).as(where + ": numbers with an ASCII minus").isEmpty();
        }
    }

    /** The whole page as one tall screenshot (for people to look at; nothing is asserted on it). */
    private void fullPage(String name, int[] size) throws IOException {
        long height = Math.min(12_000, ((Number) script("return document.querySelector('vaadin-app-layout')"
                + " ? Math.max(document.documentElement.scrollHeight, ...[...document.querySelectorAll('*')]"
                + ".map(e => e.scrollHeight)) : document.documentElement.scrollHeight")).longValue());
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", size[0], "height", height,
                "deviceScaleFactor", 1, "mobile", true));
        settle();
        screenshot(name);
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", size[0], "height", size[1],
                "deviceScaleFactor", 1, "mobile", true));
    }

    private String markdown(String path) {
        var response = rest.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                .getForEntity(path, byte[].class);
        assertThat(response.getStatusCode().value()).as(path).isEqualTo(200);
        return new String(response.getBody(), StandardCharsets.UTF_8);
    }

    /** Every constant of the application's enums (3+ characters), found as a whole word. */
    static Set<String> enumConstantsIn(String text) {
        Set<String> found = new TreeSet<>();
        for (String constant : ENUM_CONSTANTS) {
            if (Pattern.compile("(?<![\\w-])" + Pattern.quote(constant) + "(?![\\w-])").matcher(text).find()) {
                found.add(constant);
            }
        }
        return found;
    }

    static List<String> asciiMinusNumbers(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile("(?<![\\w.\\-/:=])-\\d[\\d.]*").matcher(text);
        while (m.find()) {
            found.add(text.substring(Math.max(0, m.start() - 30), Math.min(text.length(), m.end() + 10)));
        }
        return found;
    }

    static final Set<String> ENUM_CONSTANTS = enumConstants();

    private static Set<String> enumConstants() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(
                    org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter(new AssignableTypeFilter(Enum.class));
        Set<String> constants = new TreeSet<>();
        for (BeanDefinition definition : scanner.findCandidateComponents("org.chimerabench")) {
            try {
                Class<?> type = Class.forName(definition.getBeanClassName());
                if (type.isEnum()) {
                    for (Object constant : type.getEnumConstants()) {
                        String name = ((Enum<?>) constant).name();
                        if (name.length() >= 3) {
                            constants.add(name);
                        }
                    }
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        assertThat(constants).as("the scan finds the enums").contains("MAX_THROUGHPUT", "CHIMERA", "IMPORTED",
                "EQUIVALENT");
        return constants;
    }
}
