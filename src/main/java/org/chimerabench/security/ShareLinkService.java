package org.chimerabench.security;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.chimerabench.base.Access;
import org.chimerabench.base.AuditAction;
import org.chimerabench.base.AuditTrail;
import org.chimerabench.base.CurrentUser;
import org.chimerabench.sweep.SweepService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only links for stakeholders: a 128-bit token from {@code SecureRandom} (only its SHA-256 stored) that opens,
 * without login, one sweep's results page and printable report — or a comparison of two sweeps. Optional expiry;
 * listed and revoked by its creator and by admins. A revoked, expired or unknown token opens nothing.
 */
@Service
public class ShareLinkService {

    private static final SecureRandom RANDOM = new SecureRandom();
    static final int MAX_DAYS = 3650;

    private final ShareLinkRepository links;
    private final UserRepository users;
    private final SweepService sweeps;
    private final AuditTrail audit;
    private final ObjectProvider<SecurityContextHolderStrategy> strategy;
    private final String publicUrl;

    ShareLinkService(ShareLinkRepository links, UserRepository users, SweepService sweeps, AuditTrail audit,
                     ObjectProvider<SecurityContextHolderStrategy> strategy,
                     @Value("${chimera.public-url:}") String publicUrl) {
        this.links = links;
        this.users = users;
        this.sweeps = sweeps;
        this.audit = audit;
        this.strategy = strategy;
        this.publicUrl = publicUrl == null ? "" : publicUrl.replaceAll("/+$", "");
    }

    /** A new link: its id, where it opens (absolute with {@code chimera.public-url}), and when it expires. */
    public record Created(long id, String url, OffsetDateTime expiresAt) {
    }

    /** What a valid token opens: one sweep ({@code sweepB} null) or a comparison. */
    public record Shared(long sweepA, Long sweepB) {
    }

    /** A link as its creator and admins list it (never the token). */
    public record ShareView(long id, long sweepA, Long sweepB, String createdBy, OffsetDateTime createdAt,
                            OffsetDateTime expiresAt) {
    }

    /**
     * @param expiresInDays null = never; 1–3650
     * @throws NoSuchElementException for an unknown sweep
     * @throws UserValidationException for an expiry out of range or a sweep compared with itself
     */
    @PreAuthorize(Access.OPERATOR)
    @Transactional
    public Created create(long sweepA, Long sweepB, Integer expiresInDays) {
        for (Long id : sweepB == null ? List.of(sweepA) : List.of(sweepA, sweepB)) {
            sweeps.find(id).orElseThrow(() -> new NoSuchElementException("There is no sweep " + id));
        }
        if (sweepB != null && sweepB == sweepA) {
            throw new UserValidationException(Map.of("b", "A comparison needs two different sweeps"));
        }
        if (expiresInDays != null && (expiresInDays < 1 || expiresInDays > MAX_DAYS)) {
            throw new UserValidationException(Map.of("expiresInDays", "Expiry is 1 to " + MAX_DAYS + " days, or none"));
        }
        byte[] secret = new byte[16];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        OffsetDateTime expires = expiresInDays == null ? null : OffsetDateTime.now().plus(Duration.ofDays(expiresInDays));
        String me = CurrentUser.name(strategy.getIfAvailable()).orElseThrow();
        ShareLink saved = links.save(new ShareLink(ApiTokenService.hash(token), sweepA, sweepB, me, expires));
        audit.record(AuditAction.SHARED, sweepB == null ? "sweep " + sweepA : "sweeps " + sweepA + " and " + sweepB,
                expires == null ? "no expiry" : "expires " + expires.toLocalDate());
        return new Created(saved.getId(), publicUrl + "/shared/" + token, expires);
    }

    /** The caller's links; an admin sees everyone's. */
    @PreAuthorize(Access.OPERATOR)
    @Transactional(readOnly = true)
    public List<ShareView> list() {
        SecurityContextHolderStrategy holder = strategy.getIfAvailable();
        List<ShareLink> found = CurrentUser.isAdmin(holder) ? links.findAllByOrderByIdDesc()
                : links.findByCreatedByOrderByIdDesc(CurrentUser.name(holder).orElseThrow());
        return found.stream().map(l -> new ShareView(l.getId(), l.getSweepA(), l.getSweepB(), l.getCreatedBy(),
                l.getCreatedAt(), l.getExpiresAt())).toList();
    }

    /** Revokes a link: its creator or an admin. @return false when there is no such link of the caller's */
    @PreAuthorize(Access.OPERATOR)
    @Transactional
    public boolean revoke(long id) {
        SecurityContextHolderStrategy holder = strategy.getIfAvailable();
        Optional<ShareLink> link = links.findById(id).filter(l -> CurrentUser.isAdmin(holder)
                || CurrentUser.name(holder).filter(l.getCreatedBy()::equals).isPresent());
        link.ifPresent(l -> {
            links.delete(l);
            audit.record(AuditAction.SHARE_REVOKED, "share " + id, null);
        });
        return link.isPresent();
    }

    /**
     * What a presented token opens, when it is known, not expired and its creator may still share (an enabled user;
     * a disabled or removed creator's links stop with them) — no login needed. Asked again on every action of a
     * shared page, not only when it opens.
     */
    @Transactional(readOnly = true)
    public Optional<Shared> open(String token) {
        if (token == null || token.length() > 64) {
            return Optional.empty();
        }
        return links.findByTokenHash(ApiTokenService.hash(token)).filter(l -> !l.expired(OffsetDateTime.now()))
                .filter(l -> l.getCreatedBy() == null || users.findByUsername(l.getCreatedBy())
                        .map(AppUser::isEnabled).orElse(false))
                .map(l -> new Shared(l.getSweepA(), l.getSweepB()));
    }
}
