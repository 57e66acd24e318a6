package org.chimerabench.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells the team (docs/architecture.md §4.4): each hook subscribed to the notice's kind gets a delivery (sent by
 * {@link HookDeliveryJob}, retried with growing pauses), each user subscribed to it an e-mail once the caller's
 * transaction commits. The background jobs call it (a check ended, a sweep ended); it is no user's action.
 */
@Service
public class Notifier {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final HookRepository hooks;
    private final HookDeliveryRepository deliveries;
    private final SubscriptionRepository subscriptions;
    private final MailOut mail;
    private final Recipients recipients;
    private final String publicUrl;

    Notifier(HookRepository hooks, HookDeliveryRepository deliveries, SubscriptionRepository subscriptions,
             MailOut mail, Recipients recipients, @Value("${chimera.public-url:}") String publicUrl) {
        this.recipients = recipients;
        this.hooks = hooks;
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.mail = mail;
        this.publicUrl = publicUrl == null ? "" : publicUrl.replaceAll("/+$", "");
    }

    @Transactional
    public void send(Notice notice) {
        if (!notice.kind().personal()) {
            for (Hook hook : hooks.findAllByOrderById()) {
                if (hook.getEvents().contains(notice.kind())) {
                    deliveries.save(new HookDelivery(hook.getId(), notice.kind(), body(hook.isChat(), notice)));
                }
            }
        }
        List<String> to = subscriptions.findByEvent(notice.kind()).stream()
                .filter(s -> !notice.kind().personal() || s.getUsername().equals(notice.owner()))
                .filter(s -> recipients.mayReceive(s.getUsername()))
                .map(Subscription::getEmail).distinct().toList();
        if (to.isEmpty()) {
            return;
        }
        String text = notice.text() + (notice.path() == null ? "" : "\n\n" + url(notice.path()));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    mail.send(to, notice.subject(), text);
                }
            });
        } else {
            mail.send(to, notice.subject(), text);
        }
    }

    /** The JSON a hook receives: the generic shape, or {@code {"text": …}} for chat (Slack, Mattermost, Teams). */
    String body(boolean chat, Notice notice) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (chat) {
            body.put("text", "*" + chatEscaped(notice.subject()) + "*\n" + chatEscaped(notice.text())
                    + (notice.path() == null ? "" : "\n" + url(notice.path())));
        } else {
            body.put("event", notice.kind().name());
            body.put("subject", notice.subject());
            body.put("text", notice.text());
            body.put("url", notice.path() == null ? null : url(notice.path()));
            body.put("at", OffsetDateTime.now());
            body.put("data", notice.data());
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a notice could not be written as JSON", e);
        }
    }

    private String url(String path) {
        return publicUrl + path;
    }

    /**
     * Chat markup is data here: Markdown's characters and the backslash itself are escaped, {@code & < >} become
     * entities (Slack's rule: no {@code <url|text>} link, no {@code <!channel>}), and an {@code @} cannot start a
     * mention (a word joiner follows it), so a name from a user or a server cannot format, link or page anyone.
     */
    static String chatEscaped(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '@' -> out.append("@\u2060");
                case '\\', '*', '_', '~', '`', '[', ']', '|', '(', ')', '#', '!' -> out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
