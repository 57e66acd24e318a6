package org.chimerabench.sweep;

import org.chimerabench.base.CurrentUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Who may act on a sweep (docs/architecture.md §9): an operator on the sweeps they created — start, cancel, append
 * files to, delete — an admin on any. A sweep from before owners were recorded is an admin's.
 */
public final class SweepOwner {

    private SweepOwner() {
    }

    /** Whether the signed-in user owns the sweep or is an admin ({@code holder} null = the thread's). */
    public static boolean mayAct(Sweep sweep, SecurityContextHolderStrategy holder) {
        return CurrentUser.isOwnerOrAdmin(sweep.getCreatedBy(), holder);
    }

    /**
     * Refuses anyone but the owner or an admin.
     *
     * @param action what was refused, as a verb: "start", "cancel", "append files to"
     * @throws AccessDeniedException when the caller may not
     */
    public static void check(Sweep sweep, SecurityContextHolderStrategy holder, String action) {
        if (!mayAct(sweep, holder)) {
            throw new AccessDeniedException("Sweep " + sweep.getId() + " is " + (sweep.getCreatedBy() == null
                    ? "from before owners were recorded" : sweep.getCreatedBy() + "'s") + "; only its owner or an"
                    + " admin may " + action + " it");
        }
    }
}
