package org.chimerabench.security.api;

import java.util.List;
import java.util.NoSuchElementException;
import org.chimerabench.base.SweepRequests;
import org.chimerabench.security.ShareLinkService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Read-only share links: {@code POST /api/sweeps/{id}/shares}, {@code POST /api/compare/shares?a=&b=} (body
 * optional: {@code {"expiresInDays": 30}}) → 201 {@code {"id","url","expiresAt"}}; {@code GET /api/shares};
 * {@code DELETE /api/shares/{id}} → 204.
 */
@RestController
class ShareController {

    private final ShareLinkService shares;

    ShareController(ShareLinkService shares) {
        this.shares = shares;
    }

    record ShareRequest(Integer expiresInDays) {
    }

    @PostMapping("/api/sweeps/{id}/shares")
    @ResponseStatus(HttpStatus.CREATED)
    ShareLinkService.Created shareSweep(@PathVariable long id, @RequestBody(required = false) ShareRequest request) {
        return create(id, null, request);
    }

    @PostMapping("/api/compare/shares")
    @ResponseStatus(HttpStatus.CREATED)
    ShareLinkService.Created shareComparison(@RequestParam long a, @RequestParam long b,
                                             @RequestBody(required = false) ShareRequest request) {
        SweepRequests.requireTwo(a, b);
        return create(a, b, request);
    }

    @GetMapping("/api/shares")
    List<ShareLinkService.ShareView> list() {
        return shares.list();
    }

    @DeleteMapping("/api/shares/{id}")
    ResponseEntity<Void> revoke(@PathVariable long id) {
        if (!shares.revoke(id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "You have no share link " + id);
        }
        return ResponseEntity.noContent().build();
    }

    private ShareLinkService.Created create(long a, Long b, ShareRequest request) {
        try {
            return shares.create(a, b, request == null ? null : request.expiresInDays());
        } catch (NoSuchElementException unknown) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, unknown.getMessage());
        }
    }
}
