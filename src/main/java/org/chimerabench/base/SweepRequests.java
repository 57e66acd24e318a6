package org.chimerabench.base;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * What every feature's REST controller answers alike about the sweep ids in a request (docs/architecture.md §7):
 * the 404 of an unknown sweep, and the 400 of a comparison (or its share link) of a sweep with itself. In
 * {@code base} because the controllers that need it live in several features.
 */
public final class SweepRequests {

    private SweepRequests() {
    }

    /** 404 "there is no sweep {id}". */
    public static ResponseStatusException notFound(long id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "there is no sweep " + id);
    }

    /** A sweep compared with itself says nothing: refused. */
    public static void requireTwo(long a, long b) {
        if (a == b) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Parameters 'a' and 'b' are both sweep " + a
                    + "; a comparison needs two different sweeps");
        }
    }
}
