package org.chimerabench.notify;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.chimerabench.base.Access;
import org.chimerabench.base.AuditAction;
import org.chimerabench.base.AuditTrail;
import org.chimerabench.base.CurrentUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each signed-in user's own e-mail subscriptions: which notices, to which address. */
@Service
public class SubscriptionService {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s.]{1,63}");

    /** A user's subscriptions: the address and the kinds (empty = none). */
    public record Subscriptions(String email, Set<NoticeKind> events, boolean mailConfigured) {
    }

    private final SubscriptionRepository subscriptions;
    private final MailOut mail;
    private final AuditTrail audit;
    private final ObjectProvider<SecurityContextHolderStrategy> strategy;

    SubscriptionService(SubscriptionRepository subscriptions, MailOut mail, AuditTrail audit,
                        ObjectProvider<SecurityContextHolderStrategy> strategy) {
        this.subscriptions = subscriptions;
        this.mail = mail;
        this.audit = audit;
        this.strategy = strategy;
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Access.SIGNED_IN)
    public Subscriptions mine() {
        List<Subscription> own = subscriptions.findByUsernameOrderByEvent(me());
        Set<NoticeKind> kinds = EnumSet.noneOf(NoticeKind.class);
        own.forEach(s -> kinds.add(s.getEvent()));
        return new Subscriptions(own.isEmpty() ? null : own.get(0).getEmail(), kinds, mail.configured());
    }

    /**
     * Replaces the caller's subscriptions: these kinds to this address (no kinds = unsubscribe from all).
     *
     * @throws HookValidationException for a wrong address or an unknown kind; nothing is changed
     */
    @Transactional
    @PreAuthorize(Access.SIGNED_IN)
    public Subscriptions setMine(String email, List<String> events) {
        Map<String, String> errors = new LinkedHashMap<>();
        Set<NoticeKind> kinds = EnumSet.noneOf(NoticeKind.class);
        for (String event : events == null ? List.<String>of() : events) {
            try {
                kinds.add(NoticeKind.valueOf(event));
            } catch (IllegalArgumentException | NullPointerException unknown) {
                errors.put("events", "Unknown event '" + event + "'; choose among REGRESSION, CHECK_FAILED,"
                        + " MY_SWEEP_ENDED, MY_TUNING_ENDED");
            }
        }
        String address = email == null ? "" : email.strip();
        if (!kinds.isEmpty() && (address.length() > 320 || !EMAIL.matcher(address).matches() || !strict(address))) {
            errors.put("email", "Give an e-mail address such as ana@example.com");
        }
        if (!errors.isEmpty()) {
            throw new HookValidationException(errors);
        }
        String me = me();
        subscriptions.deleteByUsername(me);
        subscriptions.flush();
        kinds.forEach(kind -> subscriptions.save(new Subscription(me, kind, address)));
        audit.record(AuditAction.SUBSCRIPTIONS_CHANGED, "user " + me, kinds.isEmpty() ? "none" : kinds.toString());
        return new Subscriptions(kinds.isEmpty() ? null : address, kinds, mail.configured());
    }

    /** One plain address as RFC 822 reads it (no list, no display name, no group). */
    static boolean strict(String address) {
        try {
            jakarta.mail.internet.InternetAddress parsed = new jakarta.mail.internet.InternetAddress(address, true);
            parsed.validate();
            return parsed.getAddress().equals(address) && !address.matches(".*[,;\\s\"<>()\\[\\]].*");
        } catch (jakarta.mail.internet.AddressException wrong) {
            return false;
        }
    }

    private String me() {
        return CurrentUser.name(strategy.getIfAvailable()).orElseThrow(() -> new IllegalStateException(
                "no signed-in user"));
    }
}
