package org.chimerabench.exchange;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.chimerabench.analysis.AnalysisService;
import org.chimerabench.analysis.ComparisonService;
import org.chimerabench.execution.CallService;
import org.chimerabench.execution.CallStatus;
import org.chimerabench.sweep.SweepService;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Technical reports of sweeps: Markdown, and the same rendered as HTML for the printable page. */
@Service
public class ReportService {

    private static final List<Extension> EXTENSIONS = List.of(
            TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true)
            .sanitizeUrls(true).urlSanitizer(MarkdownText.SAFE_LINKS).build();

    private final SweepService sweeps;
    private final AnalysisService analyses;
    private final ComparisonService comparisons;
    private final CallService calls;

    ReportService(SweepService sweeps, AnalysisService analyses, ComparisonService comparisons, CallService calls) {
        this.sweeps = sweeps;
        this.analyses = analyses;
        this.comparisons = comparisons;
        this.calls = calls;
    }

    /** The comparison report of two sweeps in Markdown. */
    public Optional<String> comparisonMarkdown(long a, long b) {
        return comparisons.compare(a, b).map(ComparisonReport::write);
    }

    /** The comparison report as an HTML fragment. */
    public Optional<String> comparisonHtml(long a, long b) {
        return comparisonMarkdown(a, b).map(ReportService::toHtml);
    }

    @Transactional(readOnly = true)
    public Optional<String> markdown(long sweepId) {
        return markdown(sweepId, false);
    }

    /** The report as a stranger holding a share link reads it: without endpoint URL, host and pid (§9). */
    @Transactional(readOnly = true)
    public Optional<String> sharedHtml(long sweepId) {
        return markdown(sweepId, true).map(ReportService::toHtml);
    }

    private Optional<String> markdown(long sweepId, boolean forStrangers) {
        return sweeps.find(sweepId).map(sweep -> forStrangers ? sweep.withoutInfrastructure() : sweep)
                .flatMap(sweep -> analyses.analyse(sweepId).map(analysis -> {
            long stored = calls.count(sweepId);
            long failed = calls.count(sweepId, CallStatus.FAILED);
            String prompt = sweeps.prompt(sweepId).orElse(null);
            return MarkdownReport.write(sweep, analysis, stored, failed, prompt, OffsetDateTime.now());
        }));
    }

    /** The report as an HTML fragment (tables, headings, lists); text is escaped, links only to http(s)/mailto. */
    public Optional<String> html(long sweepId) {
        return markdown(sweepId).map(ReportService::toHtml);
    }

    /**
     * The report as HTML; each table sits in a box that scrolls sideways on a narrow screen and says so
     * (CSS {@code .scroll-cue}), so the page itself never gets wider than the screen.
     */
    static String toHtml(String markdown) {
        return HTML.render(PARSER.parse(markdown))
                .replace("<table>", "<div class=\"scroll-cue\"><span class=\"scroll-hint\">Swipe sideways for more"
                        + " columns →</span><div class=\"table-scroll\"><table>")
                .replace("</table>", "</table></div></div>");
    }
}
