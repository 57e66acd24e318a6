package org.chimerabench.notify;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * E-mail over SMTP with Spring's mail support ({@code spring.mail.host}, …): one message per recipient (an address the
 * server refuses costs only its own message), sent on a thread of its own, tried three times; without a mail server
 * configured nothing is sent and the subscriptions page says so.
 */
@Component
class MailOut implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MailOut.class);

    private final ObjectProvider<JavaMailSender> sender;
    private final String from;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "mail-out");
        t.setDaemon(true);
        return t;
    });

    MailOut(ObjectProvider<JavaMailSender> sender, @Value("${chimera.mail.from:chimera-bench@localhost}") String from) {
        this.sender = sender;
        this.from = from;
    }

    /** Whether a mail server is configured. */
    boolean configured() {
        return sender.getIfAvailable() != null;
    }

    void send(List<String> to, String subject, String text) {
        JavaMailSender mailer = sender.getIfAvailable();
        if (mailer == null) {
            log.debug("No mail server configured: a notice not e-mailed to {} recipients", to.size());
            return;
        }
        String line = subject.replaceAll("[\\r\\n]+", " ");
        thread.execute(() -> to.forEach(recipient -> { // one message each: one bad address costs only its own
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo(recipient);
            message.setSubject("[Chimera Bench] " + line);
            message.setText(text);
            for (int attempt = 1; attempt <= 3; attempt++) {
                try {
                    mailer.send(message);
                    return;
                } catch (MailException e) {
                    log.warn("E-mail '{}' not sent to one recipient (attempt {} of 3): {}", line, attempt,
                            e.getMessage() == null ? "" : e.getMessage().replaceAll("[\\r\\n]+", " "));
                    try {
                        Thread.sleep(1000L * attempt);
                    } catch (InterruptedException stop) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }));
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
