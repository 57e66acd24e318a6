package org.chimerabench.security.api;

import java.security.Principal;
import java.util.List;
import org.chimerabench.security.ApiTokenService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The caller's own API tokens: {@code POST /api/tokens} (the token is in the answer, once), list, revoke. */
@RestController
@RequestMapping("/api/tokens")
class TokenController {

    private final ApiTokenService tokens;

    TokenController(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    record NewToken(String name) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ApiTokenService.Created create(Principal caller, @RequestBody(required = false) NewToken token) {
        return tokens.create(caller.getName(), token == null ? null : token.name());
    }

    @GetMapping
    List<ApiTokenService.TokenView> list(Principal caller) {
        return tokens.list(caller.getName());
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(Principal caller, @PathVariable long id) {
        if (!tokens.revoke(caller.getName(), id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "You have no API token " + id);
        }
        return ResponseEntity.noContent().build();
    }
}
