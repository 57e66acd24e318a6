package org.chimerabench.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bodies a hook receives: names from users and servers are data in them, never markup or links. */
class NotifierTest {

    final Notifier notifier = new Notifier(null, null, null, null, null, "https://bench.example.com/");
    final ObjectMapper json = new ObjectMapper();

    static final Notice NOTICE = new Notice(NoticeKind.REGRESSION,
            "Regression: <https://evil.example|click me> on *gpu-7*", "Cause: [link](javascript:alert(1)) `x` ~y~ _z_",
            "/watches/3", null, Map.of("watchId", 3, "deltaPct", -19.6));

    @Test
    void theChatBodyEscapesEveryMarkupCharacterOfTheText() throws Exception {
        JsonNode body = json.readTree(notifier.body(true, NOTICE));
        assertThat(body.size()).as("a chat body is only its text").isEqualTo(1);
        String text = body.get("text").asText();
        assertThat(text).startsWith("*Regression: &lt;https://evil.example\\|click me&gt; on \\*gpu-7\\**\n")
                .contains("Cause: \\[link\\]\\(javascript:alert\\(1\\)\\) \\`x\\` \\~y\\~ \\_z\\_")
                .endsWith("\nhttps://bench.example.com/watches/3");
        assertThat(text).doesNotContain("<https://evil.example|");
    }

    @Test
    void aBackslashCannotUndoTheEscapingAndNoOneIsPaged() {
        assertThat(Notifier.chatEscaped("\\[Click\\](https://evil) @channel <!here> & co"))
                .isEqualTo("\\\\\\[Click\\\\\\]\\(https://evil\\) @\u2060channel &lt;\\!here&gt; &amp; co");
    }

    @Test
    void theGenericBodyCarriesTheEventTheFiguresAndTheAbsoluteLink() throws Exception {
        JsonNode body = json.readTree(notifier.body(false, NOTICE));
        assertThat(body.get("event").asText()).isEqualTo("REGRESSION");
        assertThat(body.get("subject").asText()).isEqualTo(NOTICE.subject()).as("JSON carries the text as is");
        assertThat(body.get("url").asText()).isEqualTo("https://bench.example.com/watches/3");
        assertThat(body.get("data").get("deltaPct").asDouble()).isEqualTo(-19.6);
        assertThat(body.get("at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*");
    }

    @Test
    void theSignatureIsTheHexHmacSha256OfTheBody() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
        assertThat(HookSender.signature("Jefe", "what do ya want for nothing?")).isEqualTo(
                "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void aDisabledUsersSubscriptionSendsNothing() {
        HookRepository hooks = org.mockito.Mockito.mock(HookRepository.class);
        SubscriptionRepository subscriptions = org.mockito.Mockito.mock(SubscriptionRepository.class);
        MailOut mail = org.mockito.Mockito.mock(MailOut.class);
        org.mockito.Mockito.when(hooks.findAllByOrderById()).thenReturn(java.util.List.of());
        org.mockito.Mockito.when(subscriptions.findByEvent(NoticeKind.REGRESSION)).thenReturn(java.util.List.of(
                new Subscription("ana", NoticeKind.REGRESSION, "ana@example.com"),
                new Subscription("bob", NoticeKind.REGRESSION, "bob@example.com")));
        Recipients onlyAna = "ana"::equals; // bob was disabled by an admin
        new Notifier(hooks, null, subscriptions, mail, onlyAna, "").send(NOTICE);
        org.mockito.Mockito.verify(mail).send(java.util.List.of("ana@example.com"), NOTICE.subject(),
                NOTICE.text() + "\n\n/watches/3");
    }
}
