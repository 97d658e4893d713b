package org.jifen.account;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jifen.account.domain.PasswordPolicy;
import org.jifen.account.persistence.AccountRows;
import org.jifen.audit.AuditLog;
import org.jifen.audit.AuditRecord;
import org.jifen.shared.Masking;
import org.jifen.shared.MobileNumber;
import org.jifen.shared.web.Problem;
import org.jifen.shared.web.Problem.FieldProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The accounts of the platform: sign-up, imported members, staff roles and permissions. */
@Service
public class Accounts {

    private static final Logger log = LoggerFactory.getLogger(Accounts.class);

    private final AccountRows rows;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final Clock clock;
    private final KnownIds knownIds = new KnownIds();

    Accounts(AccountRows rows, PasswordEncoder passwords, AuditLog audit, Clock clock) {
        this.rows = rows;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    public Optional<AccountView> find(long id) {
        return rows.find(id);
    }

    public Optional<AccountView> findByMobile(MobileNumber mobile) {
        return rows.findByMobile(mobile.value());
    }

    public Map<Long, AccountView> findAll(Collection<Long> ids) {
        return rows.findAll(ids);
    }

    /**
     * The ids among these whose real name contains {@code part} as written, for a name search that walks a long
     * list of ids a page at a time; pass at most a few thousand ids per call.
     */
    public java.util.Set<Long> idsWithNameContaining(Collection<Long> ids, String part) {
        return rows.idsWithNameContaining(ids, part);
    }

    /** Account ids by mobile number (11 digits), for the numbers that have an account. */
    public Map<String, Long> idsByMobile(Collection<String> mobiles) {
        return rows.idsByMobile(mobiles);
    }

    /**
     * The ids among these that are accounts. Ids seen once are remembered (accounts are never deleted), so event
     * judging asks the database only about ids it has not seen.
     */
    public java.util.Set<Long> existingIds(Collection<Long> ids) {
        var found = new java.util.HashSet<Long>();
        var unseen = new java.util.ArrayList<Long>();
        for (var id : ids) {
            if (knownIds.contains(id)) {
                found.add(id);
            } else {
                unseen.add(id);
            }
        }
        if (!unseen.isEmpty()) {
            var existing = rows.existingIds(unseen);
            found.addAll(existing);
            rememberOnceCommitted(existing);
        }
        return found;
    }

    /** An account created in a transaction that rolls back never existed: remember ids only after the commit. */
    private void rememberOnceCommitted(Collection<Long> ids) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            ids.forEach(knownIds::add);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                ids.forEach(knownIds::add);
            }
        });
    }

    /** Mobile numbers among these that already have an account. */
    public List<String> registeredMobiles(Collection<String> mobiles) {
        return rows.existingMobiles(mobiles);
    }

    public long count() {
        return rows.count();
    }

    /**
     * Checks a sign-up without changing anything: every problem, by field. A number imported by an admin and not
     * yet activated may sign up when the real name matches the import.
     */
    public List<FieldProblem> checkSignUp(String mobileInput, String password, String realName) {
        var problems = new ArrayList<FieldProblem>();
        var mobile = MobileNumber.parse(mobileInput);
        if (mobile.isEmpty()) {
            problems.add(new FieldProblem("mobile", "mobile.invalid"));
        } else {
            rows.findByMobile(mobile.get().value()).ifPresent(existing -> {
                if (existing.activated()) {
                    problems.add(new FieldProblem("mobile", "mobile.taken"));
                } else if (realName != null && !existing.realName().equals(realName.strip())) {
                    problems.add(new FieldProblem("realName", "real-name.mismatch"));
                }
            });
        }
        PasswordPolicy.check(password, mobile.map(MobileNumber::value).orElse(null))
                .ifPresent(code -> problems.add(new FieldProblem("password", code)));
        if (realName == null || realName.isBlank()) {
            problems.add(new FieldProblem("realName", "real-name.required"));
        } else if (realName.strip().length() > 50) {
            problems.add(new FieldProblem("realName", "real-name.too-long"));
        }
        return problems;
    }

    /**
     * Signs a learner up, or activates the account an import created for the same number. Returns the account
     * id and whether it was newly created.
     */
    @Transactional
    public SignUp signUp(String mobileInput, String password, String realName) {
        var problems = checkSignUp(mobileInput, password, realName);
        if (!problems.isEmpty()) {
            throw Problem.invalid(problems);
        }
        var mobile = MobileNumber.parse(mobileInput).orElseThrow();
        var hash = passwords.encode(password);
        var existing = rows.findByMobile(mobile.value());
        if (existing.isPresent()) {
            if (!rows.activate(existing.get().id(), hash, clock.instant())) {
                throw Problem.invalid(List.of(new FieldProblem("mobile", "mobile.taken")));
            }
            log.info("Account {} activated by its owner", mobile.masked());
            return new SignUp(existing.get().id(), false);
        }
        try {
            long id = rows.insert(mobile.value(), realName.strip(), null, hash, clock.instant());
            log.info("Account {} signed up", mobile.masked());
            return new SignUp(id, true);
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw Problem.invalid(List.of(new FieldProblem("mobile", "mobile.taken")));
        }
    }

    /**
     * Creates accounts for imported members, not yet activated (no password). The caller has checked that no
     * number is registered; a concurrent registration makes the whole call fail.
     */
    @Transactional
    public List<Long> createInvited(List<NewAccount> accounts) {
        var data = accounts.stream()
                .map(a -> new String[] {a.mobile().value(), a.realName(), a.idNumber()})
                .toList();
        return rows.insertAll(data, clock.instant());
    }

    /** Creates an active account with a password (demo data, first administrator). */
    @Transactional
    public long createActive(NewAccount account) {
        return rows.insert(
                account.mobile().value(),
                account.realName(),
                account.idNumber(),
                passwords.encode(account.password()),
                clock.instant());
    }

    /**
     * Grants a role. The three administrator roles are mutually exclusive (三员分立); scoped roles need an
     * organization, platform roles must not have one.
     */
    @Transactional
    public void grant(long userId, Role role, Long orgId, String reason) {
        if (role == Role.LEARNER) {
            throw Problem.badRequest("role.not-grantable");
        }
        if (role.scoped() != (orgId != null)) {
            throw Problem.badRequest(role.scoped() ? "role.scope-required" : "role.scope-forbidden");
        }
        var account = rows.find(userId).orElseThrow(() -> Problem.notFound("account.not-found"));
        var held = rows.grants(userId).stream().map(RoleGrant::role).toList();
        if (Role.SEPARATED.contains(role) && held.stream().anyMatch(h -> Role.SEPARATED.contains(h) && h != role)) {
            throw Problem.conflict("role.separation", role.dbName());
        }
        Long by = currentActorId();
        rows.grant(userId, role, orgId, by, clock.instant());
        audit.record(AuditRecord.of("role.grant", "account", userId)
                .change(null, role.dbName() + (orgId == null ? "" : "@org:" + orgId) + " to " + account.maskedName())
                .because(reason));
    }

    @Transactional
    public void revoke(long userId, Role role, Long orgId, String reason) {
        if (rows.revoke(userId, role, orgId) == 0) {
            throw Problem.notFound("role.not-held");
        }
        audit.record(AuditRecord.of("role.revoke", "account", userId)
                .change(role.dbName() + (orgId == null ? "" : "@org:" + orgId), null)
                .because(reason));
    }

    @Transactional
    public void grantPermission(long userId, Permission permission, String reason) {
        rows.find(userId).orElseThrow(() -> Problem.notFound("account.not-found"));
        rows.grantPermission(userId, permission.name(), currentActorId(), clock.instant());
        audit.record(AuditRecord.of("permission.grant", "account", userId)
                .change(null, permission.name())
                .because(reason));
    }

    @Transactional
    public void revokePermission(long userId, Permission permission, String reason) {
        if (rows.revokePermission(userId, permission.name()) == 0) {
            throw Problem.notFound("permission.not-held");
        }
        audit.record(AuditRecord.of("permission.revoke", "account", userId)
                .change(permission.name(), null)
                .because(reason));
    }

    /** Grants without audit or actor: only for demo data and the first start. */
    @Transactional
    public void grantAtSetup(long userId, Role role, Long orgId) {
        rows.grant(userId, role, orgId, null, clock.instant());
    }

    @Transactional
    public void grantPermissionAtSetup(long userId, Permission permission) {
        rows.grantPermission(userId, permission.name(), null, clock.instant());
    }

    /** Accounts holding extra permissions, for the security admin's page. */
    public List<PermissionHolder> permissionHolders() {
        return rows.permissionHolders();
    }

    public List<StaffGrant> staff() {
        return rows.staff();
    }

    public List<RoleGrant> grantsOf(long userId) {
        return rows.grants(userId);
    }

    public List<String> permissionsOf(long userId) {
        return rows.permissions(userId);
    }

    private static Long currentActorId() {
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication();
        return auth != null && auth.getPrincipal() instanceof SignedInUser u ? u.id() : null;
    }

    /** The account signed up; {@code created} false when an imported account was activated. */
    public record SignUp(long accountId, boolean created) {}

    static String masked(String mobile) {
        return Masking.mobile(mobile);
    }
}
