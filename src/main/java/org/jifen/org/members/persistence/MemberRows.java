package org.jifen.org.members.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL over memberships for the member list, the counts and the import. Walks of a whole subtree (the export, the
 * name search) go by keyset pages of account ids ({@link #inSubtreeAfter}), which the primary key (user_id,
 * root_id) serves in order.
 */
@Repository
public class MemberRows {

    private static final String IN_SUBTREE = """
            from org.membership m join org.organization o on o.id = m.org_id
            where o.path like ? || '%'""";

    /** A membership as read by {@code select user_id, org_id, department, party_member}. */
    private static final org.springframework.jdbc.core.RowMapper<MemberRow> MEMBER_ROW =
            (rs, n) -> new MemberRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBoolean(4));

    private final JdbcClient jdbc;

    MemberRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Members of the subtree whose root has {@code path}, by account id. */
    public List<MemberRow> inSubtree(String path, int limit, long offset) {
        return jdbc.sql("select m.user_id, m.org_id, m.department, m.party_member " + IN_SUBTREE
                        + " order by m.user_id limit ? offset ?")
                .params(path, limit, offset)
                .query(MEMBER_ROW)
                .list();
    }

    /**
     * The next members of the subtree after account id {@code afterUserId}, by account id: a keyset page, so that
     * walking a province of members a page at a time reads each membership once (an offset would read every row
     * before it again on each page). Start with {@code afterUserId} 0; an empty page is the end.
     */
    public List<MemberRow> inSubtreeAfter(String path, long afterUserId, int limit) {
        return jdbc.sql("select m.user_id, m.org_id, m.department, m.party_member " + IN_SUBTREE
                        + " and m.user_id > ? order by m.user_id limit ?")
                .params(path, afterUserId, limit)
                .query(MEMBER_ROW)
                .list();
    }

    public long countInSubtree(String path) {
        return jdbc.sql("select count(*) " + IN_SUBTREE)
                .param(path)
                .query(Long.class)
                .single();
    }

    /** The membership of one person within the subtree, if any. */
    public List<MemberRow> membershipsOf(long userId) {
        return jdbc.sql("select user_id, org_id, department, party_member from org.membership where user_id = ?")
                .param(userId)
                .query(MEMBER_ROW)
                .list();
    }

    /**
     * The organization and each of its children with the number of members of their subtrees (an organization
     * counts the members of everything below it).
     */
    public List<OrgCount> countsBelow(long orgId) {
        return jdbc.sql("""
                        select c.id, c.name, c.path, count(m.user_id)
                        from org.organization c
                        left join org.organization d on d.path like c.path || '%'
                        left join org.membership m on m.org_id = d.id
                        where c.id = ? or c.parent_id = ?
                        group by c.id, c.name, c.path
                        order by c.path""")
                .params(orgId, orgId)
                .query((rs, n) -> new OrgCount(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .list();
    }

    /** Inserts the memberships of newly imported accounts in one statement per thousand. */
    public void insertAll(List<NewMembership> memberships, Instant now) {
        for (int from = 0; from < memberships.size(); from += 1000) {
            var chunk = memberships.subList(from, Math.min(memberships.size(), from + 1000));
            jdbc.sql("""
                            insert into org.membership (user_id, org_id, root_id, department, party_member, joined_at)
                            select u, o, r, d, p, ? from unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::varchar[],
                                ?::boolean[]) as t(u, o, r, d, p)""")
                    .params(
                            Timestamp.from(now),
                            chunk.stream().map(NewMembership::userId).toArray(Long[]::new),
                            chunk.stream().map(NewMembership::orgId).toArray(Long[]::new),
                            chunk.stream().map(NewMembership::rootId).toArray(Long[]::new),
                            chunk.stream().map(NewMembership::department).toArray(String[]::new),
                            chunk.stream().map(NewMembership::partyMember).toArray(Boolean[]::new))
                    .update();
        }
    }

    /** Serializes member imports: held until the importing transaction ends. */
    public void lockImports(long key) {
        jdbc.sql("select pg_advisory_xact_lock(?)")
                .param(key)
                .query((rs, n) -> 1)
                .single();
    }

    public record MemberRow(long userId, long orgId, String department, boolean partyMember) {}

    public record OrgCount(long orgId, String name, String path, long members) {}

    public record NewMembership(long userId, long orgId, long rootId, String department, boolean partyMember) {}
}
