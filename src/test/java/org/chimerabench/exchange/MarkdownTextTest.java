package org.chimerabench.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 25: text in the reports stays text, and rendered links go only to http, https and mailto. */
class MarkdownTextTest {

    @Test
    void aNameWithMarkdownIsShownAsItsCharacters() {
        String name = "Q3 [raw data](javascript:alert(document.domain)) *bold* `code` <b>html</b> ![i](x.png) a|b";
        String html = ReportService.toHtml("# " + MarkdownText.text(name));
        assertThat(html).doesNotContain("<a").doesNotContain("<em>").doesNotContain("<code>")
                .doesNotContain("<img").doesNotContain("<b>")
                .contains("Q3 [raw data](javascript:alert(document.domain)) *bold* `code` &lt;b&gt;html&lt;/b&gt;"
                        + " ![i](x.png) a|b");
        assertThat(MarkdownText.text("two\nlines")).isEqualTo("two lines");
        assertThat(MarkdownText.text(null)).isNull();
    }

    @Test
    void renderedLinksGoOnlyToWebAndMailAddresses() {
        for (String url : new String[] {"javascript:alert(1)", "JaVaScRiPt:alert(1)", "java%0ascript:alert(1)",
                "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "file:///etc/passwd"}) {
            String html = ReportService.toHtml("[x](" + url + ")");
            assertThat(html).as(url).contains("href=\"#\"");
        }
        assertThat(ReportService.toHtml("[x](<java\tscript:alert(1)>)")).doesNotContain("script:");
        assertThat(ReportService.toHtml("[x](https://example.org/a?b=c)")).contains("href=\"https://example.org/a?b=c\"");
        assertThat(ReportService.toHtml("[x](mailto:team@example.org)")).contains("href=\"mailto:team@example.org\"");
        assertThat(ReportService.toHtml("[x](#section-2)")).contains("href=\"#section-2\"");
        assertThat(ReportService.toHtml("![i](data:image/png;base64,AAAA)")).doesNotContain("data:");
    }
}
