package org.chimerabench.notify;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.chimerabench.base.Access;
import org.chimerabench.base.AuditAction;
import org.chimerabench.base.AuditTrail;
import org.chimerabench.base.CurrentUser;
import org.chimerabench.endpoint.EndpointAddressGuard;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Webhooks: admins add, list and remove them and read their delivery logs. */
@Service
public class HookService {

    static final int MIN_SECRET = 16;
    static final int MAX_SECRET = 200;
    static final int MAX_URL = 500;

    private final HookRepository hooks;
    private final HookDeliveryRepository deliveries;
    private final EndpointAddressGuard guard;
    private final AuditTrail audit;
    private final ObjectProvider<SecurityContextHolderStrategy> strategy;

    HookService(HookRepository hooks, HookDeliveryRepository deliveries, EndpointAddressGuard guard, AuditTrail audit,
                ObjectProvider<SecurityContextHolderStrategy> strategy) {
        this.hooks = hooks;
        this.deliveries = deliveries;
        this.guard = guard;
        this.audit = audit;
        this.strategy = strategy;
    }

    /**
     * Adds a hook. The URL passes the endpoint address guard (no cloud metadata or other refused addresses), the
     * secret has 16–200 characters, the events are among {@link NoticeKind#FOR_HOOKS} (none = all of them).
     *
     * @throws HookValidationException per wrong field; nothing is stored
     */
    @Transactional
    @PreAuthorize(Access.ADMIN)
    public HookView add(String url, String secret, List<String> events, Boolean chat) {
        Map<String, String> errors = new LinkedHashMap<>();
        String urlProblem = url != null && url.strip().length() > MAX_URL
                ? "The URL has " + url.strip().length() + " characters; at most " + MAX_URL : guard.problem(url);
        if (urlProblem != null) {
            errors.put("url", urlProblem.replace("Base URL is required, e.g. http://gpu-7:11434",
                    "The URL is required, e.g. https://chat.example.com/hooks/abc"));
        }
        if (secret == null || secret.length() < MIN_SECRET || secret.length() > MAX_SECRET) {
            errors.put("secret", "The secret must have " + MIN_SECRET + "–" + MAX_SECRET + " characters (it signs"
                    + " every body: X-Chimera-Signature)");
        }
        Set<NoticeKind> kinds = EnumSet.noneOf(NoticeKind.class);
        if (events == null || events.isEmpty()) {
            kinds.addAll(NoticeKind.FOR_HOOKS);
        } else {
            for (String event : events) {
                Optional<NoticeKind> kind = NoticeKind.FOR_HOOKS.stream().filter(k -> k.name().equals(event))
                        .findFirst();
                if (kind.isEmpty()) {
                    errors.put("events", "Unknown event '" + event + "'; a hook carries " + NoticeKind.FOR_HOOKS);
                    break;
                }
                kinds.add(kind.get());
            }
        }
        if (!errors.isEmpty()) {
            throw new HookValidationException(errors);
        }
        Hook saved = hooks.save(new Hook(url.strip(), secret, kinds, Boolean.TRUE.equals(chat),
                CurrentUser.name(strategy.getIfAvailable()).orElse(null)));
        audit.record(AuditAction.HOOK_ADDED, "hook " + saved.getId(), HookView.masked(saved.getUrl()));
        return HookView.of(saved);
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Access.ADMIN)
    public List<HookView> list() {
        return hooks.findAllByOrderById().stream().map(HookView::of).toList();
    }

    /** @return false when there is no such hook */
    @Transactional
    @PreAuthorize(Access.ADMIN)
    public boolean remove(long id) {
        return hooks.findById(id).map(hook -> {
            hooks.delete(hook);
            audit.record(AuditAction.HOOK_REMOVED, "hook " + id, HookView.masked(hook.getUrl()));
            return true;
        }).orElse(false);
    }

    /** The hook's latest deliveries, newest first; empty when there is no such hook. */
    @Transactional(readOnly = true)
    @PreAuthorize(Access.ADMIN)
    public Optional<List<HookDeliveryView>> deliveries(long id, int limit) {
        return hooks.findById(id).map(hook -> deliveries.findByHookIdOrderByIdDesc(id,
                Pageable.ofSize(Math.max(1, limit))).stream().map(HookDeliveryView::of).toList());
    }
}
