package org.jifen.org;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jifen.account.SignedInUser;
import org.jifen.audit.AuditLog;
import org.jifen.audit.AuditRecord;
import org.jifen.org.domain.Refusal;
import org.jifen.org.domain.TreeChange;
import org.jifen.org.domain.TreeChanges;
import org.jifen.org.persistence.OrganizationRows;
import org.jifen.shared.web.Problem;
import org.jifen.shared.web.Problem.FieldProblem;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organization trees: lookups by id and by name path, subtrees, and the admin console's changes (create,
 * rename, move), each judged by {@link TreeChanges}, scoped to the acting admin and audited.
 */
@Service
public class Organizations {

    static final String AUDIT_TYPE = "organization";

    private final OrganizationRows rows;
    private final AuditLog audit;
    private final Clock clock;

    Organizations(OrganizationRows rows, AuditLog audit, Clock clock) {
        this.rows = rows;
        this.audit = audit;
        this.clock = clock;
    }

    public Optional<Organization> find(long id) {
        return rows.find(id);
    }

    public Organization get(long id) {
        return rows.find(id).orElseThrow(() -> Problem.notFound("org.not-found", id));
    }

    public List<Organization> roots() {
        return rows.roots();
    }

    public List<Organization> children(long parentId) {
        return rows.children(parentId);
    }

    public List<Organization> subtree(long id) {
        return rows.subtree(id);
    }

    public List<Organization> all() {
        return rows.all();
    }

    public Map<Long, Organization> byId(Collection<Long> ids) {
        return rows.findAll(ids).stream().collect(Collectors.toMap(Organization::id, Function.identity()));
    }

    /** Resolves a name path from a root, such as {@code 龙岗区/平湖街道}. */
    public Optional<Organization> resolve(String namePath) {
        if (namePath == null || namePath.isBlank()) {
            return Optional.empty();
        }
        Organization current = null;
        for (var part : namePath.split("[/／]")) {
            var name = part.strip();
            if (name.isEmpty()) {
                return Optional.empty();
            }
            var next = rows.child(current == null ? null : current.id(), name);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            current = next.get();
        }
        return Optional.ofNullable(current);
    }

    /** The names from the root down, joined with " / " (龙岗区 / 平湖街道 / 山厦社区). */
    public String label(Organization org) {
        var names =
                rows.findAll(org.lineage()).stream().collect(Collectors.toMap(Organization::id, Organization::name));
        return org.lineage().stream().map(names::get).collect(Collectors.joining(" / "));
    }

    /** Creates an organization without audit: for demo data and setup. Admin changes go through the console. */
    @Transactional
    public Organization createAtSetup(Organization parent, String name, OrgKind kind) {
        return rows.insert(parent, name, kind, clock.instant());
    }

    /** The organizations {@code user} may see, parents before children (a tree in reading order). */
    public List<Organization> visibleTo(SignedInUser user) {
        var scope = AdminScope.of(user);
        if (scope.everything()) {
            return inTreeOrder(rows.all());
        }
        var seen = new LinkedHashMap<Long, Organization>();
        rows.findAll(scope.subtreeRoots()).stream()
                .flatMap(top -> rows.subtree(top.id()).stream())
                .forEach(o -> seen.putIfAbsent(o.id(), o));
        return inTreeOrder(seen.values());
    }

    /** One organization, if {@code user} may see it; else {@code org.out-of-scope} (403). */
    public Organization visible(long id, SignedInUser user) {
        var org = get(id);
        if (!AdminScope.of(user).covers(org)) {
            throw refusal(Refusal.OUT_OF_SCOPE);
        }
        return org;
    }

    /** Members of each organization {@code user} may see, descendants' members included. */
    public Map<Long, Long> memberCounts(SignedInUser user) {
        var scope = AdminScope.of(user);
        if (scope.everything()) {
            return rows.memberCounts(null);
        }
        var prefixes = rows.findAll(scope.subtreeRoots()).stream()
                .map(Organization::path)
                .toList();
        return prefixes.isEmpty() ? Map.of() : rows.memberCounts(prefixes);
    }

    /**
     * Creates {@code name} of {@code kind} under {@code parentId} (null: a new tree, system admin only), audited.
     *
     * @throws Problem {@code org.name-required}, {@code org.name-taken}, {@code org.kind-unknown},
     *     {@code org.out-of-scope}, {@code org.root-system-admin-only}, … and nothing is created
     */
    @Transactional
    public Organization create(Long parentId, String name, String kind, SignedInUser actor) {
        // The parent's lock makes concurrent creations under it wait, so the sibling names checked stay current.
        var parent = parentId == null ? null : rows.lock(parentId).orElseThrow(() -> notFound(parentId));
        refuseUnlessAllowed(
                TreeChanges.create(parent, name, kind, rows.childrenOrRoots(parentId), AdminScope.toChange(actor)));
        var orgKind = TreeChanges.kind(kind).orElseThrow();
        Organization created;
        try {
            created = rows.insert(parent, TreeChanges.normalized(name), orgKind, clock.instant());
        } catch (DuplicateKeyException e) {
            throw refusal(Refusal.NAME_TAKEN);
        }
        audit.record(AuditRecord.of("org.create", AUDIT_TYPE, created.id())
                .change(null, "name=" + created.name() + ", kind=" + orgKind.dbName() + ", path=" + namePath(created)));
        return created;
    }

    /**
     * Renames an organization, audited with the old and the new name. Keeping the name changes nothing.
     *
     * @throws Problem {@code org.name-required}, {@code org.name-taken}, {@code org.out-of-scope},
     *     {@code org.scope-root}, … and nothing is changed
     */
    @Transactional
    public Organization rename(long id, String name, SignedInUser actor) {
        var org = rows.lock(id).orElseThrow(() -> notFound(id));
        var parent = org.parentId() == null ? null : get(org.parentId());
        refuseUnlessAllowed(TreeChanges.rename(
                org, parent, name, rows.childrenOrRoots(org.parentId()), AdminScope.toChange(actor)));
        var newName = TreeChanges.normalized(name);
        if (newName.equals(org.name())) {
            return org;
        }
        try {
            rows.rename(id, newName, clock.instant());
        } catch (DuplicateKeyException e) {
            throw refusal(Refusal.NAME_TAKEN);
        }
        audit.record(AuditRecord.of("org.rename", AUDIT_TYPE, id).change("name=" + org.name(), "name=" + newName));
        return get(id);
    }

    /**
     * Moves an organization with its whole subtree under another organization of the same tree, audited with the
     * old and the new name path. The subtree's rows are locked and their paths rewritten in one statement.
     *
     * @throws Problem {@code org.move-cycle}, {@code org.move-root}, {@code org.move-other-tree},
     *     {@code org.name-taken}, {@code org.out-of-scope}, {@code org.scope-root}, … and nothing is changed
     */
    @Transactional
    public Organization move(long id, long newParentId, SignedInUser actor) {
        // first the tree, then its rows: everything below is read after any concurrent move has committed
        rows.lockTreeForMoves(rows.find(id).orElseThrow(() -> notFound(id)).rootId());
        var org = rows.lock(id).orElseThrow(() -> notFound(id));
        rows.lockSubtree(org);
        var newParent = rows.lock(newParentId).orElseThrow(() -> notFound(newParentId));
        var parent = org.parentId() == null ? null : get(org.parentId());
        refuseUnlessAllowed(
                TreeChanges.move(org, parent, newParent, rows.children(newParentId), AdminScope.toChange(actor)));
        if (org.parentId() != null && org.parentId() == newParentId) {
            return org;
        }
        var before = namePath(org);
        rows.move(org, newParent, clock.instant());
        var moved = get(id);
        audit.record(AuditRecord.of("org.move", AUDIT_TYPE, id).change("path=" + before, "path=" + namePath(moved)));
        return moved;
    }

    /** The names from the root down, joined with "/" (龙岗区/平湖街道/山厦社区), as {@link #resolve} reads them. */
    public String namePath(Organization org) {
        var names =
                rows.findAll(org.lineage()).stream().collect(Collectors.toMap(Organization::id, Organization::name));
        return org.lineage().stream().map(names::get).collect(Collectors.joining("/"));
    }

    /** Parents before children, siblings by id: compares the id paths number by number. */
    static List<Organization> inTreeOrder(Collection<Organization> orgs) {
        var sorted = new ArrayList<>(orgs);
        sorted.sort((a, b) -> {
            var x = a.lineage();
            var y = b.lineage();
            for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
                int c = Long.compare(x.get(i), y.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(x.size(), y.size());
        });
        return sorted;
    }

    private static void refuseUnlessAllowed(TreeChange change) {
        if (change instanceof TreeChange.Rejected rejected) {
            throw refusal(rejected.refusal());
        }
    }

    /** The problem for a refusal, naming the form field it concerns. */
    static Problem refusal(Refusal refusal) {
        int status = switch (refusal) {
            case OUT_OF_SCOPE, SCOPE_ROOT, ROOT_BY_SYSTEM_ADMIN_ONLY -> 403;
            case NAME_TAKEN, MOVE_CYCLE -> 409;
            case NAME_REQUIRED, NAME_TOO_LONG, NAME_INVALID, KIND_UNKNOWN, MOVE_ROOT, MOVE_OTHER_TREE -> 400;
        };
        return new Problem(refusal.code(), status, List.of(new FieldProblem(refusal.field(), refusal.code())));
    }

    private static Problem notFound(long id) {
        return Problem.notFound("org.not-found", id);
    }

    public long count() {
        return rows.count();
    }
}
