package org.jifen.org.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
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
