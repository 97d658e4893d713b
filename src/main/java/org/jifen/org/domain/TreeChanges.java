package org.jifen.org.domain;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import org.jifen.org.AdminScope;
import org.jifen.org.OrgKind;
import org.jifen.org.Organization;

/**
 * The rules for creating, renaming and moving organizations (ORG). Each function judges one proposed change
 * against the current tree and the admin's scope and returns {@link TreeChange.Allowed} or the first
 * {@link TreeChange.Rejected} reason.
 *
 * <p>Scope is checked first, so that an admin learns nothing about organizations outside their subtrees. A move
 * stays within its tree: moving a subtree to another tree would also move its members' memberships, which are
 * one per tree, so it is left to export and import. Names are compared after stripping surrounding blanks.
 */
public final class TreeChanges {

    public static final int MAX_NAME_LENGTH = 100;

    private TreeChanges() {}

    /**
     * Creating {@code name} of {@code kind} under {@code parent} (null: a new tree, system admin only), whose
     * current children are {@code siblings}.
     */
    public static TreeChange create(
            Organization parent, String name, String kind, Collection<Organization> siblings, AdminScope scope) {
        if (parent == null && !scope.everything()) {
            return TreeChange.rejected(Refusal.ROOT_BY_SYSTEM_ADMIN_ONLY);
        }
        if (parent != null && !scope.covers(parent)) {
            return TreeChange.rejected(Refusal.OUT_OF_SCOPE);
        }
        if (kind(kind).isEmpty()) {
            return TreeChange.rejected(Refusal.KIND_UNKNOWN);
        }
        return nameAmong(name, siblings, null);
    }

    /** Renaming {@code org} to {@code name}; {@code siblings} are its parent's children (or all roots). */
    public static TreeChange rename(
            Organization org, Organization parent, String name, Collection<Organization> siblings, AdminScope scope) {
        var reach = changeable(org, parent, scope);
        if (reach instanceof TreeChange.Rejected) {
            return reach;
        }
        return nameAmong(name, siblings, org);
    }

    /**
     * Moving {@code org} (currently under {@code parent}) under {@code newParent}, whose current children are
     * {@code newSiblings}. A move to the current parent is allowed and changes nothing.
     */
    public static TreeChange move(
            Organization org,
            Organization parent,
            Organization newParent,
            Collection<Organization> newSiblings,
            AdminScope scope) {
        if (!scope.covers(newParent)) {
            return TreeChange.rejected(Refusal.OUT_OF_SCOPE);
        }
        var reach = changeable(org, parent, scope);
        if (reach instanceof TreeChange.Rejected) {
            return reach;
        }
        if (org.root()) {
            return TreeChange.rejected(Refusal.MOVE_ROOT);
        }
        if (newParent.rootId() != org.rootId()) {
            return TreeChange.rejected(Refusal.MOVE_OTHER_TREE);
        }
        if (newParent.within(org.id())) {
            return TreeChange.rejected(Refusal.MOVE_CYCLE);
        }
        return nameAmong(org.name(), newSiblings, org);
    }

    /** The kind named by {@code value} ({@code subdistrict} or {@code SUBDISTRICT}), if there is one. */
    public static Optional<OrgKind> kind(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OrgKind.valueOf(value.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The name as it will be stored. */
    public static String normalized(String name) {
        return name == null ? "" : name.strip();
    }

    /**
     * An organization may be changed by whoever's scope covers it and its parent: a scoped admin may not change
     * the top of their own scope (a root of the tree included), as it would leave or reshape their scope.
     */
    private static TreeChange changeable(Organization org, Organization parent, AdminScope scope) {
        if (!scope.covers(org)) {
            return TreeChange.rejected(Refusal.OUT_OF_SCOPE);
        }
        if (!scope.everything() && (parent == null || !scope.covers(parent))) {
            return TreeChange.rejected(Refusal.SCOPE_ROOT);
        }
        return TreeChange.allowed();
    }

    private static TreeChange nameAmong(String name, Collection<Organization> siblings, Organization self) {
        var candidate = normalized(name);
        if (candidate.isEmpty()) {
            return TreeChange.rejected(Refusal.NAME_REQUIRED);
        }
        if (candidate.codePointCount(0, candidate.length()) > MAX_NAME_LENGTH) {
            return TreeChange.rejected(Refusal.NAME_TOO_LONG);
        }
        if (candidate.contains("/") || candidate.contains("／")) {
            return TreeChange.rejected(Refusal.NAME_INVALID);
        }
        boolean taken = siblings.stream()
                .filter(s -> self == null || s.id() != self.id())
                .anyMatch(s -> s.name().equals(candidate));
        return taken ? TreeChange.rejected(Refusal.NAME_TAKEN) : TreeChange.allowed();
    }
}
