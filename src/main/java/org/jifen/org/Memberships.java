package org.jifen.org;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who belongs to which organization: one organization per person and tree. */
@Service
public class Memberships {

    private final JdbcClient jdbc;
    private final Clock clock;

    Memberships(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Puts a person into an organization, replacing their membership in the same tree. */
    @Transactional
    public void join(long userId, Organization org, String department, boolean partyMember) {
        jdbc.sql("""
                        insert into org.membership (user_id, org_id, root_id, department, party_member, joined_at)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (user_id, root_id) do update
                           set org_id = excluded.org_id, department = excluded.department,
                               party_member = excluded.party_member""")
                .params(userId, org.id(), org.rootId(), department, partyMember, Timestamp.from(clock.instant()))
                .update();
    }

    /** The organizations a person belongs to, one per tree. */
    public List<Membership> of(long userId) {
        return jdbc.sql(
                        "select user_id, org_id, root_id, department, party_member from org.membership where user_id = ? order by root_id")
                .param(userId)
                .query((rs, n) ->
                        new Membership(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getBoolean(5)))
                .list();
    }

    /** One person's place in one tree. */
    public record Membership(long userId, long orgId, long rootId, String department, boolean partyMember) {}
}
