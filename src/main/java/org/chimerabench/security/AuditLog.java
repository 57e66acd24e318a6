package org.chimerabench.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chimerabench.base.Access;
import org.chimerabench.base.AuditAction;
import org.chimerabench.base.AuditTrail;
import org.chimerabench.base.CurrentUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit log: who logged in (and who failed), and who created, started, cancelled, deleted, imported or changed
 * users, tokens and endpoints — when, and from which address. Kept in the database; administrators read it.
 */
@Service
public class AuditLog implements AuditTrail {

    static final int MAX_ROWS = 1000;
    /** The user name column's width. */
    private static final int NAME = 60;

    private final AuditEventRepository events;
    private final ObjectProvider<SecurityContextHolderStrategy> strategy;
    private final ClientAddress addresses;
    /** Failed logins per (name, address) not written yet: at most one row per key and minute (bounded, LRU). */
    private final Map<String, long[]> failedLogins = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
            return size() > 10_000;
        }
    };

    AuditLog(AuditEventRepository events, ObjectProvider<SecurityContextHolderStrategy> strategy,
             ClientAddress addresses) {
        this.events = events;
        this.strategy = strategy;
        this.addresses = addresses;
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(AuditAction action, String target, String detail) {
        events.save(new AuditEvent(fit(CurrentUser.name(strategy.getIfAvailable()).orElse(null), NAME), requestAddress(),
                action, fit(target, 200), fit(detail, 1000)));
    }

    /** The newest entries first, at most {@code limit} (≤ 1000), optionally of one user and one action. */
    @PreAuthorize(Access.ADMIN)
    @Transactional(readOnly = true)
    public List<AuditEntry> search(String username, AuditAction action, int limit) {
        return events.search(username == null || username.isBlank() ? null : username.strip(), action,
                PageRequest.of(0, Math.max(1, Math.min(limit, MAX_ROWS)))).stream().map(AuditEvent::view).toList();
    }

    /** Within its column: a long detail (a list of 500 file names) is cut with an ellipsis, never refused. */
    static String fit(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** A login on the login page (REST calls sign in with every request; those are not logins). */
    @EventListener
    @Transactional
    void loggedIn(InteractiveAuthenticationSuccessEvent success) {
        events.save(new AuditEvent(fit(success.getAuthentication().getName(), NAME),
                address(success.getAuthentication()), AuditAction.LOGIN, null, null));
    }

    /**
     * A failed login: one row per (name, address) and minute at most — the next row says how many more failed in
     * between — so guessing cannot fill the table. The name is what the caller typed, cut to fit.
     */
    @EventListener
    @Transactional
    void loginFailed(AbstractAuthenticationFailureEvent failure) {
        String name = fit(failure.getAuthentication().getName(), NAME);
        String address = address(failure.getAuthentication());
        long now = System.currentTimeMillis();
        long more;
        synchronized (failedLogins) {
            long[] seen = failedLogins.computeIfAbsent(name + "@" + address, k -> new long[] {0, 0});
            if (seen[0] != 0 && now - seen[0] < 60_000) {
                seen[1]++;
                return;
            }
            more = seen[1];
            seen[0] = now;
            seen[1] = 0;
        }
        events.save(new AuditEvent(name, address, AuditAction.LOGIN_FAILED, null,
                fit(failure.getException().getMessage() + (more == 0 ? "" : " (and " + more + " more failed logins"
                        + " of this name from this address in the minute before)"), 1000)));
    }

    private String address(Authentication authentication) {
        String fromRequest = requestAddress();
        return fromRequest != null ? fromRequest : authentication.getDetails() instanceof WebAuthenticationDetails
                details ? details.getRemoteAddress() : null;
    }

    /** The client's address ({@link ClientAddress}: behind a trusted proxy, the client's, not the proxy's). */
    private String requestAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? fit(addresses.of(attributes.getRequest()), 64) : null;
    }
}
