package org.chimerabench.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
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

    AuditLog(AuditEventRepository events, ObjectProvider<SecurityContextHolderStrategy> strategy) {
        this.events = events;
        this.strategy = strategy;
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

    @EventListener
    @Transactional
    void loginFailed(AbstractAuthenticationFailureEvent failure) {
        // the name is what the caller typed: any length (a 100-character one must not fail the login's answer)
        events.save(new AuditEvent(fit(failure.getAuthentication().getName(), NAME),
                address(failure.getAuthentication()), AuditAction.LOGIN_FAILED, null,
                fit(failure.getException().getMessage(), 1000)));
    }

    private static String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress()
                : requestAddress();
    }

    private static String requestAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? remote(attributes.getRequest()) : null;
    }

    private static String remote(HttpServletRequest request) {
        return request.getRemoteAddr();
    }
}
