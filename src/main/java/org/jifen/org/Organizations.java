package org.jifen.org;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jifen.org.persistence.OrganizationRows;
import org.jifen.shared.web.Problem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The organization trees: lookups by id and by name path, subtrees, and creation. */
@Service
public class Organizations {

    private final OrganizationRows rows;
    private final Clock clock;

    Organizations(OrganizationRows rows, Clock clock) {
        this.rows = rows;
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

    public long count() {
        return rows.count();
    }
}
