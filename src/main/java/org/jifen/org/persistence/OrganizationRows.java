package org.jifen.org.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jifen.org.OrgKind;
import org.jifen.org.Organization;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the organization table. */
@Repository
public class OrganizationRows {

    static final String COLUMNS = "id, parent_id, root_id, name, kind, path";

    private final JdbcClient jdbc;

    OrganizationRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Organization> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from org.organization where id = ?")
                .param(id)
                .query(OrganizationRows::map)
                .optional();
    }

    public List<Organization> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from org.organization where id = any(?) order by path")
                .param(ids.toArray(Long[]::new))
                .query(OrganizationRows::map)
                .list();
    }

    public List<Organization> roots() {
        return jdbc.sql("select " + COLUMNS + " from org.organization where parent_id is null order by id")
                .query(OrganizationRows::map)
                .list();
    }

    public List<Organization> children(long parentId) {
        return jdbc.sql("select " + COLUMNS + " from org.organization where parent_id = ? order by id")
                .param(parentId)
                .query(OrganizationRows::map)
                .list();
    }

    /** The organization and everything below it, parents before children. */
    public List<Organization> subtree(long id) {
        return jdbc.sql("select " + COLUMNS + " from org.organization where path like"
                        + " (select path from org.organization where id = ?) || '%' order by path")
                .param(id)
                .query(OrganizationRows::map)
                .list();
    }

    public List<Organization> all() {
        return jdbc.sql("select " + COLUMNS + " from org.organization order by root_id, path")
                .query(OrganizationRows::map)
                .list();
    }

    public Optional<Organization> child(Long parentId, String name) {
        return jdbc.sql("select " + COLUMNS
                        + " from org.organization where parent_id is not distinct from ? and name = ?")
                .params(parentId, name)
                .query(OrganizationRows::map)
                .optional();
    }

    public Organization insert(Organization parent, String name, OrgKind kind, Instant now) {
        long id = jdbc.sql("select nextval('org.organization_id_seq')")
                .query(Long.class)
                .single();
        String path = (parent == null ? "/" : parent.path()) + id + "/";
        long root = parent == null ? id : parent.rootId();
        jdbc.sql("""
                        insert into org.organization (id, parent_id, root_id, name, kind, path, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        id,
                        parent == null ? null : parent.id(),
                        root,
                        name,
                        kind.dbName(),
                        path,
                        Timestamp.from(now),
                        Timestamp.from(now))
                .update();
        return new Organization(id, parent == null ? null : parent.id(), root, name, kind, path);
    }

    /** The organization and its whole subtree, locked until the transaction ends (ids in ascending order). */
    public List<Organization> lockSubtree(Organization top) {
        return jdbc.sql("select " + COLUMNS + " from org.organization where path like ? || '%' order by id for update")
                .param(top.path())
                .query(OrganizationRows::map)
                .list();
    }

    /** Locks one organization until the transaction ends. */
    /**
     * Serializes moves within one tree until the transaction ends: a move checks for cycles against paths that no
     * concurrent move can change underneath it.
     */
    public void lockTreeForMoves(long rootId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('org.move'), ?::int)")
                .param((int) rootId)
                .query(Object.class)
                .single();
    }

    public Optional<Organization> lock(long id) {
        return jdbc.sql("select " + COLUMNS + " from org.organization where id = ? for update")
                .param(id)
                .query(OrganizationRows::map)
                .optional();
    }

    /** The children of {@code parentId}, or the roots when it is null. */
    public List<Organization> childrenOrRoots(Long parentId) {
        return parentId == null ? roots() : children(parentId);
    }

    public void rename(long id, String name, Instant now) {
        jdbc.sql("update org.organization set name = ?, updated_at = ? where id = ?")
                .params(name, Timestamp.from(now), id)
                .update();
    }

    /**
     * Hangs {@code org} under {@code newParent} and rewrites the path of its whole subtree in one statement: the
     * old prefix (up to and including {@code org}) is replaced by the new parent's path plus {@code org}.
     */
    public int move(Organization org, Organization newParent, Instant now) {
        String oldPrefix = org.path();
        String newPrefix = newParent.path() + org.id() + "/";
        jdbc.sql("update org.organization set parent_id = ? where id = ?")
                .params(newParent.id(), org.id())
                .update();
        return jdbc.sql("""
                        update org.organization
                           set path = ? || substring(path from ?), updated_at = ?
                         where path like ? || '%'""")
                .params(newPrefix, oldPrefix.length() + 1, Timestamp.from(now), oldPrefix)
                .update();
    }

    /**
     * Members of every organization, counting the memberships of its descendants too: a membership counts for each
     * organization on its organization's path, which is the same as counting, for each organization, the
     * memberships whose organization path starts with its path, but in one pass over the memberships. Limited to
     * memberships below one of {@code prefixes}, when given. Organizations without members are absent.
     */
    public Map<Long, Long> memberCounts(Collection<String> prefixes) {
        var counts = new HashMap<Long, Long>();
        String sql = """
                select cast(a.id as bigint), count(*)
                  from org.membership m
                  join org.organization d on d.id = m.org_id
                 cross join lateral unnest(string_to_array(trim(both '/' from d.path), '/')) as a (id)
                """;
        var spec = prefixes == null
                ? jdbc.sql(sql + " group by a.id")
                : jdbc.sql(sql + " where d.path like any (?) group by a.id")
                        .param(prefixes.stream().map(p -> p + "%").toArray(String[]::new));
        spec.query(rs -> {
            counts.put(rs.getLong(1), rs.getLong(2));
        });
        return counts;
    }

    public long count() {
        return jdbc.sql("select count(*) from org.organization")
                .query(Long.class)
                .single();
    }

    static Organization map(ResultSet rs, int n) throws SQLException {
        return new Organization(
                rs.getLong("id"),
                (Long) rs.getObject("parent_id"),
                rs.getLong("root_id"),
                rs.getString("name"),
                OrgKind.fromDb(rs.getString("kind")),
                rs.getString("path"));
    }
}
