package org.jifen.org.members;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jifen.account.Accounts;
import org.jifen.account.NewAccount;
import org.jifen.account.Role;
import org.jifen.account.SignedInUser;
import org.jifen.audit.AuditLog;
import org.jifen.audit.AuditRecord;
import org.jifen.org.AdminScope;
import org.jifen.org.Organization;
import org.jifen.org.Organizations;
import org.jifen.org.members.domain.ImportRow;
import org.jifen.org.members.domain.ImportRules;
import org.jifen.org.members.domain.ImportedMember;
import org.jifen.org.members.file.MemberSheets;
import org.jifen.org.members.persistence.MemberRows;
import org.jifen.org.members.persistence.MemberRows.NewMembership;
import org.jifen.shared.MobileNumber;
import org.jifen.shared.web.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports members from a spreadsheet (ORG): all rows or none. Imports run one at a time (a transaction-scoped
 * advisory lock), and "already registered" is read while holding it, so two overlapping files never create the
 * same member twice; the unique mobile number of accounts is the backstop.
 */
@Service
public class MemberImport {

    /** Advisory lock key of member imports ("JifenMbr"). */
    static final long LOCK = 0x4A6966656E4D6272L;

    private static final Logger log = LoggerFactory.getLogger(MemberImport.class);

    private final Accounts accounts;
    private final Organizations organizations;
    private final MemberRows rows;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    MemberImport(
            Accounts accounts,
            Organizations organizations,
            MemberRows rows,
            AuditLog audit,
            TransactionTemplate tx,
            Clock clock) {
        this.accounts = accounts;
        this.organizations = organizations;
        this.rows = rows;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Reads the file, checks every row and, when no row has a problem, creates every member. A problem with the
     * file as a whole (type, size, columns) is thrown as a {@link Problem}.
     */
    public ImportOutcome run(SignedInUser user, String fileName, byte[] content) {
        var scope = AdminScope.of(user);
        if (scope.empty()) {
            throw Problem.forbidden("forbidden");
        }
        var parsed = MemberSheets.read(fileName, content);
        var orgs = resolve(parsed);
        try {
            return tx.execute(status -> {
                rows.lockImports(LOCK);
                var mobiles = parsed.stream()
                        .map(r -> MobileNumber.parse(r.mobile()))
                        .flatMap(Optional::stream)
                        .map(MobileNumber::value)
                        .distinct()
                        .toList();
                var registered = new HashSet<>(accounts.registeredMobiles(mobiles));
                var check = ImportRules.check(parsed, new ImportRules.Lookups() {
                    @Override
                    public Optional<Long> organization(String path) {
                        return orgs.get(path).map(Organization::id);
                    }

                    @Override
                    public boolean inScope(long orgId) {
                        return orgs.values().stream()
                                .flatMap(Optional::stream)
                                .anyMatch(o -> o.id() == orgId && scope.covers(o));
                    }

                    @Override
                    public boolean registered(MobileNumber mobile) {
                        return registered.contains(mobile.value());
                    }
                });
                if (!check.clean()) {
                    log.info(
                            "Member import of {} rows refused: {} problems",
                            parsed.size(),
                            check.problems().size());
                    return new ImportOutcome(parsed.size(), 0, check.problems());
                }
                create(check.members(), orgs, fileName);
                return new ImportOutcome(parsed.size(), check.members().size(), List.of());
            });
        } catch (DuplicateKeyException e) {
            // someone signed up with one of the numbers while the import ran: nothing was written
            throw Problem.conflict("import.concurrent");
        }
    }

    private void create(List<ImportedMember> members, Map<String, Optional<Organization>> orgs, String fileName) {
        var byId = new HashMap<Long, Organization>();
        orgs.values().forEach(o -> o.ifPresent(org -> byId.put(org.id(), org)));
        var ids = accounts.createInvited(members.stream()
                .map(m -> new NewAccount(m.mobile(), m.name(), null, null))
                .toList());
        var memberships = new ArrayList<NewMembership>(members.size());
        for (int i = 0; i < members.size(); i++) {
            var m = members.get(i);
            memberships.add(new NewMembership(
                    ids.get(i), m.orgId(), byId.get(m.orgId()).rootId(), m.department(), m.partyMember()));
        }
        rows.insertAll(memberships, clock.instant());
        for (int i = 0; i < members.size(); i++) {
            var m = members.get(i);
            if (m.role() != Role.LEARNER) {
                accounts.grant(ids.get(i), m.role(), m.orgId(), "member import " + fileName + " row " + m.row());
            }
        }
        var common = ImportRules.commonAncestor(
                members.stream().map(m -> byId.get(m.orgId()).lineage()).toList());
        var label =
                common.flatMap(organizations::find).map(organizations::label).orElse("");
        audit.record(AuditRecord.of("member.import", "organization", common.orElse(null))
                .change(null, "file=" + fileName + ", rows=" + members.size() + ", org=" + label));
        log.info("Member import created {} members under {}", members.size(), label);
    }

    /** Each distinct organization path of the file, resolved once. */
    private Map<String, Optional<Organization>> resolve(List<ImportRow> parsed) {
        var orgs = new HashMap<String, Optional<Organization>>();
        for (var row : parsed) {
            if (!row.organization().isEmpty()) {
                orgs.computeIfAbsent(row.organization(), organizations::resolve);
            }
        }
        return orgs;
    }
}
