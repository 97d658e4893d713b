package org.jifen.audit.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jifen.audit.AuditEntries;
import org.jifen.audit.AuditEntry;
import org.jifen.audit.AuditFilter;
import org.jifen.audit.AuditPage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Reads {@code audit.audit_entry} with SQL built from fixed fragments; every value is a bind parameter. */
@Repository
class JdbcAuditEntries implements AuditEntries {

    private static final String COLUMNS = """
            id, at, actor_id, actor_label, actor_roles, action, object_type, object_id, before_summary,
            after_summary, reason, client_address""";

    private final JdbcClient jdbc;
    /** Fetches in batches: PostgreSQL streams from a cursor only inside a transaction with a fetch size. */
    private final JdbcClient cursor;

    JdbcAuditEntries(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        var template = new JdbcTemplate(dataSource);
        template.setFetchSize(500);
        this.cursor = JdbcClient.create(template);
    }

    @Override
    @Transactional(readOnly = true)
    public AuditPage find(AuditFilter filter, int page) {
        int p = Math.max(page, 1);
        var where = Where.of(filter);
        var params = new ArrayList<>(where.params());
        params.add(PAGE_SIZE);
        params.add((long) (p - 1) * PAGE_SIZE);
        var entries = jdbc.sql("select " + COLUMNS + " from audit.audit_entry" + where.sql()
                        + " order by at desc, id desc limit ? offset ?")
                .params(params)
                .query(JdbcAuditEntries::entry)
                .list();
        return new AuditPage(entries, p, PAGE_SIZE, count(filter));
    }

    @Override
    @Transactional(readOnly = true)
    public long count(AuditFilter filter) {
        var where = Where.of(filter);
        return jdbc.sql("select count(*) from audit.audit_entry" + where.sql())
                .params(where.params())
                .query(Long.class)
                .single();
    }

    @Override
    @Transactional(readOnly = true)
    public void forEach(AuditFilter filter, int limit, Consumer<AuditEntry> each) {
        var where = Where.of(filter);
        var params = new ArrayList<>(where.params());
        params.add(Math.max(limit, 0));
        try (var rows = cursor
                .sql("select " + COLUMNS + " from audit.audit_entry" + where.sql()
                        + " order by at desc, id desc limit ?")
                .params(params)
                .query(JdbcAuditEntries::entry)
                .stream()) {
            rows.forEach(each);
        }
    }

    private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(
                rs.getLong("id"),
                rs.getTimestamp("at").toInstant(),
                rs.getObject("actor_id", Long.class),
                rs.getString("actor_label"),
                rs.getString("actor_roles"),
                rs.getString("action"),
                rs.getString("object_type"),
                rs.getString("object_id"),
                rs.getString("before_summary"),
                rs.getString("after_summary"),
                rs.getString("reason"),
                rs.getString("client_address"));
    }

    /** The where clause of a filter: fixed SQL fragments joined by "and", the filter's values as parameters. */
    record Where(String sql, List<Object> params) {

        static Where of(AuditFilter f) {
            var conditions = new ArrayList<String>();
            var params = new ArrayList<Object>();
            if (f.actor() != null) {
                if (f.actorId() != null) {
                    conditions.add("(actor_label ilike ? escape '\\' or actor_id = ?)");
                    params.add(contains(f.actor()));
                    params.add(f.actorId());
                } else {
                    conditions.add("actor_label ilike ? escape '\\'");
                    params.add(contains(f.actor()));
                }
            }
            if (f.action() != null) {
                conditions.add("action like ? escape '\\'");
                params.add(literal(f.action()) + "%");
            }
            if (f.objectType() != null) {
                conditions.add("object_type = ?");
                params.add(f.objectType());
            }
            if (f.objectId() != null) {
                conditions.add("object_id = ?");
                params.add(f.objectId());
            }
            if (f.from() != null) {
                conditions.add("at >= ?");
                params.add(Timestamp.from(f.fromInstant()));
            }
            if (f.to() != null) {
                conditions.add("at < ?");
                params.add(Timestamp.from(f.toInstantExclusive()));
            }
            if (f.reason() != null) {
                conditions.add("reason ilike ? escape '\\'");
                params.add(contains(f.reason()));
            }
            return new Where(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), params);
        }

        private static String contains(String text) {
            return "%" + literal(text) + "%";
        }

        /** The text with LIKE's wildcards taken literally: a "%" the auditor types matches only "%". */
        private static String literal(String text) {
            return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        }
    }
}
