package org.chimerabench.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chimerabench.base.Access;
import org.chimerabench.base.AuditAction;
import org.chimerabench.base.AuditTrail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens for the REST API ({@code Authorization: Bearer …}). A token is 256 random bits, shown once
 * when created; only its SHA-256 is stored. Its owner lists and revokes it; it acts with its owner's role, and stops
 * working when the owner is disabled or the token revoked.
 */
@Service
public class ApiTokenService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiTokenRepository tokens;
    private final UserRepository users;
    private final AuditTrail audit;

    ApiTokenService(ApiTokenRepository tokens, UserRepository users, AuditTrail audit) {
        this.audit = audit;
        this.tokens = tokens;
        this.users = users;
    }

    /** A new token: its id and the token itself (the only time it is readable). */
    public record Created(long id, String token) {
    }

    /** A token as its owner sees it in the list (never the token). */
    public record TokenView(long id, String name, OffsetDateTime createdAt, OffsetDateTime lastUsedAt) {
    }

    @PreAuthorize(Access.SIGNED_IN)
    @Transactional
    public Created create(String owner, String name) {
        String label = name == null || name.isBlank() ? "API token" : name.strip();
        if (label.length() > 100) {
            throw new UserValidationException(Map.of("name", "A token name has at most 100 characters"));
        }
        AppUser user = users.findByUsername(owner).orElseThrow(() -> new UserValidationException(Map.of("owner",
                "There is no user " + owner)));
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = "cbt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiToken saved = tokens.save(new ApiToken(user, label, hash(token)));
        audit.record(AuditAction.TOKEN_CREATED, "token " + saved.getId(), label);
        return new Created(saved.getId(), token);
    }

    @PreAuthorize(Access.SIGNED_IN)
    @Transactional(readOnly = true)
    public List<TokenView> list(String owner) {
        return tokens.findByOwnerUsernameOrderByCreatedAtDesc(owner).stream()
                .map(t -> new TokenView(t.getId(), t.getName(), t.getCreatedAt(), t.getLastUsedAt())).toList();
    }

    /**
     * Revokes one of the owner's tokens.
     *
     * @return false when the owner has no such token (someone else's token counts as none)
     */
    @PreAuthorize(Access.SIGNED_IN)
    @Transactional
    public boolean revoke(String owner, long id) {
        Optional<ApiToken> token = tokens.findById(id).filter(t -> t.getOwner().getUsername().equals(owner));
        token.ifPresent(t -> {
            tokens.delete(t);
            audit.record(AuditAction.TOKEN_REVOKED, "token " + id, t.getName());
        });
        return token.isPresent();
    }

    /** The owner of a presented token when it is valid and the owner enabled. */
    @Transactional
    Optional<AppUser> authenticate(String token) {
        return tokens.findByTokenHash(hash(token)).filter(t -> t.getOwner().isEnabled()).map(t -> {
            t.used();
            return t.getOwner();
        });
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
