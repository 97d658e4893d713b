package org.jifen.org.members;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jifen.account.AccountView;
import org.jifen.account.Accounts;
import org.jifen.account.Permission;
import org.jifen.account.SignedInUser;
import org.jifen.audit.AuditLog;
import org.jifen.audit.AuditRecord;
import org.jifen.org.AdminScope;
import org.jifen.org.Organization;
import org.jifen.org.Organizations;
import org.jifen.org.members.persistence.MemberRows;
import org.jifen.org.members.persistence.MemberRows.MemberRow;
import org.jifen.shared.web.Problem;
import org.springframework.stereotype.Service;

/**
 * The members of an organization subtree as staff see them (MASK, LG-16): real names, masked mobile and ID
 * numbers, counts per organization; the full numbers only by a permitted, reasoned and audited reveal. A subtree
 * may be a province of ten million members: whatever reads all of it (the export, the name search) walks it in
 * keyset pages and holds one page at a time.
 */
@Service
public class MemberDirectory {

    public static final int PAGE_SIZE = 50;
    /** Shortest reason accepted for revealing personal data. */
    public static final int MIN_REASON = 4;

    private static final int MAX_REASON = 500;

    /** Memberships read per query when walking a whole subtree (the export, the name search). */
    static final int WALK_PAGE = 1000;

    private final Accounts accounts;
    private final Organizations organizations;
    private final MemberRows rows;
    private final AuditLog audit;

    MemberDirectory(Accounts accounts, Organizations organizations, MemberRows rows, AuditLog audit) {
        this.accounts = accounts;
        this.organizations = organizations;
        this.rows = rows;
        this.audit = audit;
    }

    /** The organizations the admin may choose, parents before children. */
    public List<Organization> choices(SignedInUser user) {
        var scope = AdminScope.of(user);
        return organizations.all().stream().filter(scope::covers).toList();
    }

    /** The organization asked for, or the admin's scope root; 404 outside the scope. */
    public Organization chosen(SignedInUser user, Long orgId) {
        var scope = AdminScope.of(user);
        if (scope.empty()) {
            throw Problem.forbidden("forbidden");
        }
        if (orgId == null) {
            if (scope.everything()) {
                return organizations.roots().getFirst();
            }
            return organizations.byId(scope.subtreeRoots()).values().stream()
                    .min(Comparator.comparing(Organization::path))
                    .orElseThrow(() -> Problem.forbidden("forbidden"));
        }
        return organizations
                .find(orgId)
                .filter(scope::covers)
                .orElseThrow(() -> Problem.notFound("member.org-not-found"));
    }

    /**
     * One page of the members of the subtree, optionally those whose name contains {@code q}. A name search walks
     * the subtree a keyset page at a time and keeps only the lines of the page asked for, so that its memory does
     * not grow with the subtree; the total counts every match.
     */
    public MemberPage list(SignedInUser user, Long orgId, String q, int page) {
        var org = chosen(user, orgId);
        int p = Math.max(0, page);
        var query = q == null ? "" : q.strip();
        List<MemberLine> lines;
        long total;
        if (query.isEmpty()) {
            total = rows.countInSubtree(org.path());
            lines = lines(rows.inSubtree(org.path(), PAGE_SIZE, (long) p * PAGE_SIZE));
        } else {
            long skip = (long) p * PAGE_SIZE;
            var onPage = new ArrayList<MemberRow>(PAGE_SIZE);
            var seen = new long[] {0};
            total = walk(org, query, matching -> {
                for (var m : matching) {
                    if (seen[0] >= skip && onPage.size() < PAGE_SIZE) {
                        onPage.add(m);
                    }
                    seen[0]++;
                }
            });
            lines = lines(onPage);
        }
        var counts = rows.countsBelow(org.id()).stream()
                .map(c -> new OrgCount(c.orgId(), c.name(), c.orgId() == org.id(), c.members()))
                .toList();
        return new MemberPage(org, organizations.label(org), query, p, PAGE_SIZE, total, lines, counts);
    }

    /**
     * Checks and records an export of the members of the subtree matching {@code q}, masked; its lines are read
     * later, a keyset page at a time, by {@link Export#forEachPage}. The check (403, 404) and the audit record
     * happen here, on the caller's thread with its signed-in user, before anything is written: the record holds
     * the number of rows counted now, as the lines may be written on another thread, after the request thread has
     * returned.
     */
    public Export export(SignedInUser user, Long orgId, String q) {
        var org = chosen(user, orgId);
        var query = q == null ? "" : q.strip();
        long count = query.isEmpty() ? rows.countInSubtree(org.path()) : walk(org, query, matching -> {});
        audit.recordNow(AuditRecord.of("member.export", "organization", org.id())
                .change(null, "rows=" + count + (query.isEmpty() ? "" : ", q=" + query)));
        return new Export(org, query, count);
    }

    /**
     * The full mobile and ID number of one member, for a person with the permission and a reason (LG-16). The
     * reveal is recorded with the reason, never with the numbers.
     */
    public Revealed reveal(SignedInUser user, long accountId, String reason) {
        if (user == null || !user.has(Permission.REVEAL_PERSONAL_DATA)) {
            throw Problem.forbidden("member.reveal-forbidden");
        }
        var why = reason == null ? "" : reason.strip();
        if (why.codePointCount(0, why.length()) < MIN_REASON || why.length() > MAX_REASON) {
            throw Problem.badRequest("member.reveal-reason", MIN_REASON, MAX_REASON);
        }
        var scope = AdminScope.of(user);
        var orgIds =
                rows.membershipsOf(accountId).stream().map(MemberRow::orgId).toList();
        boolean visible = organizations.byId(orgIds).values().stream().anyMatch(scope::covers);
        var account =
                accounts.find(accountId).filter(a -> visible).orElseThrow(() -> Problem.notFound("member.not-found"));
        audit.recordNow(AuditRecord.of("member.reveal", "account", accountId).because(why));
        return new Revealed(account.id(), account.realName(), account.mobile(), account.idNumber());
    }

    /**
     * Hands the members of the subtree whose name contains {@code query} (all when it is empty) to {@code each},
     * one keyset page of {@link #WALK_PAGE} memberships at a time, by account id, and returns how many it handed
     * over. A person has at most one membership per tree, so the account id alone orders a subtree.
     */
    private long walk(Organization org, String query, Consumer<List<MemberRow>> each) {
        long after = 0;
        long handed = 0;
        while (true) {
            var page = rows.inSubtreeAfter(org.path(), after, WALK_PAGE);
            if (page.isEmpty()) {
                return handed;
            }
            after = page.getLast().userId();
            var matching = page;
            if (!query.isEmpty()) {
                var named = accounts.idsWithNameContaining(
                        page.stream().map(MemberRow::userId).toList(), query);
                matching = page.stream().filter(m -> named.contains(m.userId())).toList();
            }
            if (!matching.isEmpty()) {
                each.accept(matching);
                handed += matching.size();
            }
            if (page.size() < WALK_PAGE) {
                return handed;
            }
        }
    }

    private List<MemberLine> lines(List<MemberRow> members) {
        Map<Long, AccountView> accountsById =
                accounts.findAll(members.stream().map(MemberRow::userId).toList());
        var labels = labels(members.stream().map(MemberRow::orgId).collect(Collectors.toSet()));
        return members.stream()
                .filter(m -> accountsById.containsKey(m.userId()))
                .map(m -> {
                    var a = accountsById.get(m.userId());
                    return new MemberLine(
                            a.id(),
                            a.realName(),
                            a.maskedMobile(),
                            a.maskedIdNumber(),
                            labels.getOrDefault(m.orgId(), ""),
                            m.department(),
                            m.partyMember(),
                            a.activated());
                })
                .toList();
    }

    /** "龙岗区 / 平湖街道 / 山厦社区" for each organization, with one query for all of them. */
    private Map<Long, String> labels(Collection<Long> orgIds) {
        var orgs = organizations.byId(orgIds);
        var lineageIds = new HashSet<Long>();
        orgs.values().forEach(o -> lineageIds.addAll(o.lineage()));
        var names = new HashMap<Long, String>();
        organizations.byId(lineageIds).forEach((id, o) -> names.put(id, o.name()));
        var labels = new HashMap<Long, String>();
        orgs.forEach(
                (id, o) -> labels.put(id, o.lineage().stream().map(names::get).collect(Collectors.joining(" / "))));
        return labels;
    }

    /** A member as staff see them: the real name, masked numbers. */
    public record MemberLine(
            long id,
            String name,
            String maskedMobile,
            String maskedIdNumber,
            String organization,
            String department,
            boolean partyMember,
            boolean activated) {}

    /** An organization with the members of its whole subtree. */
    public record OrgCount(long orgId, String name, boolean chosen, long members) {}

    public record MemberPage(
            Organization organization,
            String label,
            String query,
            int page,
            int size,
            long total,
            List<MemberLine> members,
            List<OrgCount> counts) {

        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }

        public boolean hasPrevious() {
            return page > 0;
        }

        public boolean hasNext() {
            return page + 1 < pages();
        }
    }

    /**
     * An export that was allowed and recorded: its lines, read a keyset page at a time so that only one page is in
     * memory however large the subtree. Only {@link #export} makes one.
     */
    public final class Export {

        private final Organization organization;
        private final String query;
        private final long rows;

        private Export(Organization organization, String query, long rows) {
            this.organization = organization;
            this.query = query;
            this.rows = rows;
        }

        /** The number of rows counted when the export was recorded. */
        public long rows() {
            return rows;
        }

        /**
         * Hands the lines to {@code page} a page at a time, by account id; reads the database, not the caller's
         * security context, so that any thread may call it.
         */
        public void forEachPage(Consumer<List<MemberLine>> page) {
            walk(organization, query, members -> page.accept(lines(members)));
        }
    }

    /** The unmasked numbers of one member, shown once. */
    public record Revealed(long id, String name, String mobile, String idNumber) {}
}
