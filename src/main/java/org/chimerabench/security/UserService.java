package org.chimerabench.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.chimerabench.base.Access;
import org.chimerabench.base.AuditAction;
import org.chimerabench.base.AuditTrail;
import org.chimerabench.base.Role;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The users of the team: who may log in, with which role. Passwords are stored hashed (Spring's delegating
 * encoder, BCrypt). Only administrators list, create and change users; everyone changes their own password.
 * The last enabled administrator cannot be disabled or demoted.
 */
@Service
public class UserService implements UserDetailsService {

    static final int MIN_PASSWORD_LENGTH = 10;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{3,60}");

    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final org.springframework.security.core.session.SessionRegistry sessions;

    UserService(UserRepository users, PasswordEncoder passwords, AuditTrail audit,
                org.springframework.security.core.session.SessionRegistry sessions) {
        this.audit = audit;
        this.sessions = sessions;
        this.users = users;
        this.passwords = passwords;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        AppUser user = users.findByUsername(username).orElseThrow(() -> new UsernameNotFoundException(username));
        return User.withUsername(user.getUsername()).password(user.getPasswordHash())
                .authorities(user.getRole().authorities()).disabled(!user.isEnabled()).build();
    }

    @PreAuthorize(Access.ADMIN)
    @Transactional(readOnly = true)
    public List<UserView> list() {
        return users.findAllByOrderByUsernameAsc().stream().map(UserView::of).toList();
    }

    /** @throws UserValidationException for a taken or malformed name, a short password, or no role */
    @PreAuthorize(Access.ADMIN)
    @Transactional
    public UserView create(String username, String password, Role role) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (username == null || !USERNAME.matcher(username).matches()) {
            errors.put("username", "A user name has 3 to 60 letters, digits, dots, dashes or underscores");
        } else if (users.findByUsername(username).isPresent()) {
            errors.put("username", "There is a user named " + username + " already");
        }
        checkPassword(password, errors);
        if (role == null) {
            errors.put("role", "Give a role: VIEWER, OPERATOR or ADMIN");
        }
        if (!errors.isEmpty()) {
            throw new UserValidationException(errors);
        }
        AppUser created = users.save(new AppUser(username, passwords.encode(password), role));
        audit.record(AuditAction.USER_CREATED, "user " + username, role.label());
        return UserView.of(created);
    }

    /**
     * Changes a user's role, enables or disables the account, or sets a new password (null = unchanged).
     *
     * @throws UserValidationException for an unknown user, a short password, or the last administrator
     */
    @PreAuthorize(Access.ADMIN)
    @Transactional
    public UserView update(long id, Role role, Boolean enabled, String password) {
        AppUser user = users.findById(id).orElseThrow(() -> new UserValidationException(Map.of("id",
                "There is no user " + id)));
        Map<String, String> errors = new LinkedHashMap<>();
        if (password != null) {
            checkPassword(password, errors);
        }
        boolean losesAdmin = user.getRole() == Role.ADMIN && user.isEnabled()
                && ((role != null && role != Role.ADMIN) || Boolean.FALSE.equals(enabled));
        if (losesAdmin && users.countByRoleAndEnabledTrue(Role.ADMIN) <= 1) {
            errors.put(role != null && role != Role.ADMIN ? "role" : "enabled",
                    user.getUsername() + " is the last administrator; make another user administrator first");
        }
        if (!errors.isEmpty()) {
            throw new UserValidationException(errors);
        }
        if (role != null) {
            user.setRole(role);
        }
        if (enabled != null) {
            user.setEnabled(enabled);
        }
        if (password != null) {
            user.setPasswordHash(passwords.encode(password));
        }
        audit.record(AuditAction.USER_CHANGED, "user " + user.getUsername(), (role == null ? "" : "role " + role.label())
                + (enabled == null ? "" : (enabled ? " enabled" : " disabled")) + (password == null ? "" : " password reset"));
        if (role != null || Boolean.FALSE.equals(enabled) || password != null) {
            endSessions(user.getUsername()); // the old rights end now, not when the session times out
        }
        return UserView.of(user);
    }

    /** Expires every open browser session of the user: their next request goes to the login page. */
    private void endSessions(String username) {
        sessions.getAllPrincipals().stream()
                .filter(p -> p instanceof org.springframework.security.core.userdetails.UserDetails details
                        && details.getUsername().equals(username))
                .flatMap(p -> sessions.getAllSessions(p, false).stream())
                .forEach(org.springframework.security.core.session.SessionInformation::expireNow);
    }

    /** The signed-in user changes their own password, giving the current one. */
    @PreAuthorize(Access.SIGNED_IN)
    @Transactional
    public void changeOwnPassword(String username, String current, String next) {
        AppUser user = users.findByUsername(username).orElseThrow(() -> new UserValidationException(Map.of(
                "username", "There is no user " + username)));
        Map<String, String> errors = new LinkedHashMap<>();
        if (current == null || !passwords.matches(current, user.getPasswordHash())) {
            errors.put("current", "The current password is not right");
        }
        checkPassword(next, errors);
        if (!errors.isEmpty()) {
            throw new UserValidationException(errors);
        }
        user.setPasswordHash(passwords.encode(next));
        audit.record(AuditAction.PASSWORD_CHANGED, "user " + username, null);
    }

    /** The user's id and role, for the REST layer and the UI (empty when unknown). */
    @Transactional(readOnly = true)
    public Optional<UserView> find(String username) {
        return users.findByUsername(username).map(UserView::of);
    }

    /** First start: an administrator, when there is no user at all. Not for callers: the bootstrap runs it. */
    @Transactional
    boolean createFirstAdmin(String password) {
        if (users.count() > 0) {
            return false;
        }
        passwordProblem(password).ifPresent(problem -> {
            throw new IllegalArgumentException(problem.substring(0, 1).toLowerCase(java.util.Locale.ROOT)
                    + problem.substring(1));
        });
        users.save(new AppUser("admin", passwords.encode(password), Role.ADMIN));
        return true;
    }

    private static void checkPassword(String password, Map<String, String> errors) {
        passwordProblem(password).ifPresent(problem -> errors.put("password", problem));
    }

    /**
     * What is wrong with a password, if anything: at least {@value #MIN_PASSWORD_LENGTH} characters, at most
     * {@value #MAX_PASSWORD_BYTES} bytes in UTF-8 (BCrypt reads no further: a longer one would fail to hash or, worse,
     * match on its first 72 bytes alone).
     */
    static java.util.Optional<String> passwordProblem(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            return java.util.Optional.of("A password has at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            return java.util.Optional.of("A password has at most " + MAX_PASSWORD_BYTES + " bytes (72 plain letters"
                    + " or digits; accented letters and symbols count 2 to 4)");
        }
        return java.util.Optional.empty();
    }

    static final int MAX_PASSWORD_BYTES = 72;
}
