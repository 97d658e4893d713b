package org.jifen.account.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jifen.account.AccountView;
import org.jifen.account.Permission;
import org.jifen.account.PermissionHolder;
import org.jifen.account.Role;
import org.jifen.account.RoleGrant;
import org.jifen.account.StaffGrant;
import org.jifen.account.domain.LoginLock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the account schema. */
@Repository
public class AccountRows {

    private static final String COLUMNS = "id, mobile, real_name, id_number, status, created_at";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    AccountRows(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public Optional<AccountView> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from account.user_account where id = ?")
                .param(id)
                .query(AccountRows::view)
                .optional();
    }

    public Optional<AccountView> findByMobile(String mobile) {
        return jdbc.sql("select " + COLUMNS + " from account.user_account where mobile = ?")
                .param(mobile)
                .query(AccountRows::view)
                .optional();
    }

    public Map<Long, AccountView> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql("select " + COLUMNS + " from account.user_account where id = any(?)")
                .param(ids.toArray(Long[]::new))
                .query(AccountRows::view)
                .list()
                .stream()
                .collect(Collectors.toMap(AccountView::id, Function.identity()));
    }

    /**
     * The ids among these whose real name contains {@code part} as it is written (like {@link String#contains}: no
     * wildcards, case as given).
     */
    public java.util.Set<Long> idsWithNameContaining(Collection<Long> ids, String part) {
        if (ids.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(
                jdbc.sql("select id from account.user_account where id = any(?) and strpos(real_name, ?) > 0")
                        .params(ids.toArray(Long[]::new), part)
                        .query(Long.class)
                        .list());
    }

    /** Account ids by mobile number, for the numbers that have an account. */
    public Map<String, Long> idsByMobile(Collection<String> mobiles) {
        if (mobiles.isEmpty()) {
            return Map.of();
        }
        var out = new java.util.HashMap<String, Long>();
        jdbc.sql("select mobile, id from account.user_account where mobile = any(?)")
                .param(mobiles.toArray(String[]::new))
                .query(rs -> {
                    out.put(rs.getString(1), rs.getLong(2));
                });
        return out;
    }

    /** The ids among these that are accounts. */
    public java.util.Set<Long> existingIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(jdbc.sql("select id from account.user_account where id = any(?)")
                .param(ids.toArray(Long[]::new))
                .query(Long.class)
                .list());
    }

    /** Mobile numbers among {@code mobiles} that already have an account. */
    public List<String> existingMobiles(Collection<String> mobiles) {
        if (mobiles.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select mobile from account.user_account where mobile = any(?)")
                .param(mobiles.toArray(String[]::new))
                .query(String.class)
                .list();
    }

    public long insert(String mobile, String realName, String idNumber, String passwordHash, Instant now) {
        return jdbc.sql("""
                        insert into account.user_account (mobile, real_name, id_number, password_hash, status, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        mobile,
                        realName,
                        idNumber,
                        passwordHash,
                        passwordHash == null ? "invited" : "active",
                        Timestamp.from(now),
                        Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    /** Inserts many accounts in one round trip; returns their ids in input order. */
    public List<Long> insertAll(List<String[]> mobileNameId, Instant now) {
        var ids = new ArrayList<Long>(mobileNameId.size());
        for (var chunk : chunks(mobileNameId, 1000)) {
            var mobiles = chunk.stream().map(r -> r[0]).toArray(String[]::new);
            var names = chunk.stream().map(r -> r[1]).toArray(String[]::new);
            var idNumbers = chunk.stream().map(r -> r[2]).toArray(String[]::new);
            ids.addAll(jdbc.sql("""
                            insert into account.user_account (mobile, real_name, id_number, status, created_at, updated_at)
                            select m, n, i, 'invited', ?, ? from unnest(?::varchar[], ?::varchar[], ?::varchar[])
                                with ordinality as t(m, n, i, o) order by o
                            returning id""")
                    .params(Timestamp.from(now), Timestamp.from(now), mobiles, names, idNumbers)
                    .query(Long.class)
                    .list());
        }
        return ids;
    }

    public boolean activate(long id, String passwordHash, Instant now) {
        return jdbc.sql(
                                "update account.user_account set password_hash = ?, status = 'active', updated_at = ? where id = ? and status = 'invited'")
                        .params(passwordHash, Timestamp.from(now), id)
                        .update()
                == 1;
    }

    public Optional<Credentials> credentials(String mobile) {
        return jdbc.sql(
                        "select id, mobile, real_name, password_hash, status, failed_logins, locked_until from account.user_account where mobile = ?")
                .param(mobile)
                .query((rs, n) -> new Credentials(
                        rs.getLong("id"),
                        rs.getString("mobile"),
                        rs.getString("real_name"),
                        rs.getString("password_hash"),
                        rs.getString("status"),
                        new LoginLock.State(rs.getInt("failed_logins"), instant(rs, "locked_until"))))
                .optional();
    }

    public LoginLock.State lockState(String mobile) {
        return jdbc.sql("select failed_logins, locked_until from account.user_account where mobile = ? for update")
                .param(mobile)
                .query((rs, n) -> new LoginLock.State(rs.getInt(1), instant(rs, "locked_until")))
                .optional()
                .orElse(new LoginLock.State(0, null));
    }

    public void saveLockState(String mobile, LoginLock.State state) {
        jdbc.sql("update account.user_account set failed_logins = ?, locked_until = ? where mobile = ?")
                .params(
                        state.failures(),
                        state.lockedUntil() == null ? null : Timestamp.from(state.lockedUntil()),
                        mobile)
                .update();
    }

    public List<RoleGrant> grants(long userId) {
        return jdbc.sql("select role, org_id from account.role_grant where user_id = ? order by id")
                .param(userId)
                .query((rs, n) -> new RoleGrant(Role.fromDb(rs.getString(1)), (Long) rs.getObject(2)))
                .list();
    }

    public List<String> permissions(long userId) {
        return jdbc.sql("select permission from account.permission_grant where user_id = ?")
                .param(userId)
                .query(String.class)
                .list();
    }

    public void grant(long userId, Role role, Long orgId, Long grantedBy, Instant now) {
        jdbc.sql("""
                        insert into account.role_grant (user_id, role, org_id, granted_at, granted_by)
                        values (?, ?, ?, ?, ?) on conflict do nothing""")
                .params(userId, role.dbName(), orgId, Timestamp.from(now), grantedBy)
                .update();
    }

    public int revoke(long userId, Role role, Long orgId) {
        return jdbc.sql(
                        "delete from account.role_grant where user_id = ? and role = ? and org_id is not distinct from ?")
                .params(userId, role.dbName(), orgId)
                .update();
    }

    public void grantPermission(long userId, String permission, Long grantedBy, Instant now) {
        jdbc.sql("""
                        insert into account.permission_grant (user_id, permission, granted_at, granted_by)
                        values (?, ?, ?, ?) on conflict do nothing""").params(userId, permission, Timestamp.from(now), grantedBy).update();
    }

    public int revokePermission(long userId, String permission) {
        return jdbc.sql("delete from account.permission_grant where user_id = ? and permission = ?")
                .params(userId, permission)
                .update();
    }

    /** Staff: every account that holds a role, with its grants. */
    public List<StaffGrant> staff() {
        return jdbc.sql("""
                        select a.id, a.mobile, a.real_name, g.role, g.org_id
                        from account.role_grant g join account.user_account a on a.id = g.user_id
                        order by a.id, g.id""")
                .query((rs, n) -> new StaffGrant(
                        rs.getLong(1), rs.getString(2), rs.getString(3), Role.fromDb(rs.getString(4)), (Long)
                                rs.getObject(5)))
                .list();
    }

    public List<PermissionHolder> permissionHolders() {
        return jdbc.sql("""
                        select a.id, a.mobile, a.real_name, p.permission
                        from account.permission_grant p join account.user_account a on a.id = p.user_id
                        order by a.id, p.permission""")
                .query((rs, n) -> new PermissionHolder(
                        rs.getLong(1), rs.getString(2), rs.getString(3), Permission.valueOf(rs.getString(4))))
                .list();
    }

    public long count() {
        return jdbc.sql("select count(*) from account.user_account")
                .query(Long.class)
                .single();
    }

    JdbcTemplate template() {
        return template;
    }

    static AccountView view(ResultSet rs, int n) throws SQLException {
        return new AccountView(
                rs.getLong("id"),
                rs.getString("mobile"),
                rs.getString("real_name"),
                rs.getString("id_number"),
                rs.getString("status"),
                instant(rs, "created_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        var ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    private static <T> List<List<T>> chunks(List<T> all, int size) {
        var out = new ArrayList<List<T>>();
        for (int i = 0; i < all.size(); i += size) {
            out.add(all.subList(i, Math.min(all.size(), i + size)));
        }
        return out;
    }

    public record Credentials(
            long id, String mobile, String realName, String passwordHash, String status, LoginLock.State lock) {}
}
