package org.jifen.org;

import java.util.HashSet;
import java.util.Set;
import org.jifen.account.Role;
import org.jifen.account.SignedInUser;

/**
 * The organizations a staff member may see and change: everything for the system admin, else the subtrees of
 * their organization-admin and program-operator grants. Nobody else has an admin scope.
 */
public record AdminScope(boolean everything, Set<Long> subtreeRoots) {

    public static AdminScope of(SignedInUser user) {
        if (user == null) {
            return new AdminScope(false, Set.of());
        }
        if (user.has(Role.SYSTEM_ADMIN)) {
            return new AdminScope(true, Set.of());
        }
        var roots = new HashSet<Long>();
        roots.addAll(user.scope(Role.ORG_ADMIN));
        roots.addAll(user.scope(Role.PROGRAM_OPERATOR));
        return new AdminScope(false, Set.copyOf(roots));
    }

    /**
     * The organizations a staff member may change: everything for the system admin, else the subtrees of their
     * organization-admin grants. Program operators see organizations but do not change them.
     */
    public static AdminScope toChange(SignedInUser user) {
        if (user == null) {
            return new AdminScope(false, Set.of());
        }
        if (user.has(Role.SYSTEM_ADMIN)) {
            return new AdminScope(true, Set.of());
        }
        return new AdminScope(false, Set.copyOf(user.scope(Role.ORG_ADMIN)));
    }

    /** True when {@code org} lies in one of the subtrees (or the scope is everything). */
    public boolean covers(Organization org) {
        return everything || org.lineage().stream().anyMatch(subtreeRoots::contains);
    }

    public boolean empty() {
        return !everything && subtreeRoots.isEmpty();
    }
}
