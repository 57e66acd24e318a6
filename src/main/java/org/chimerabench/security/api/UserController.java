package org.chimerabench.security.api;

import java.util.List;
import java.util.Map;
import org.chimerabench.base.Role;
import org.chimerabench.security.UserService;
import org.chimerabench.security.UserValidationException;
import org.chimerabench.security.UserView;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Users, for administrators: {@code GET/POST /api/users}, {@code PATCH /api/users/{id}}. */
@RestController
@RequestMapping("/api/users")
class UserController {

    private final UserService users;

    UserController(UserService users) {
        this.users = users;
    }

    record NewUser(String username, String password, String role) {
    }

    record UserChange(String role, Boolean enabled, String password) {
    }

    record Created(long id) {
    }

    @GetMapping
    List<UserView> list() {
        return users.list();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Created create(@RequestBody NewUser user) {
        return new Created(users.create(user.username(), user.password(), role(user.role())).id());
    }

    @PatchMapping("/{id}")
    UserView change(@PathVariable long id, @RequestBody UserChange change) {
        return users.update(id, role(change.role()), change.enabled(), change.password());
    }

    private static Role role(String name) {
        if (name == null) {
            return null; // create reports a missing role; a change keeps the role
        }
        try {
            return Role.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new UserValidationException(Map.of("role", "The role is VIEWER, OPERATOR or ADMIN, not " + name));
        }
    }
}
