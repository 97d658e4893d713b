package org.jifen.rulebook;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jifen.account.Role;
import org.jifen.account.SignedInUser;
import org.jifen.org.Memberships;
import org.jifen.org.Organization;
import org.jifen.org.Organizations;
import org.jifen.rulebook.persistence.RulebookCache;
import org.jifen.rulebook.persistence.RulebookRows;
import org.jifen.rulebook.persistence.RulebookRows.StoredVersion;
import org.jifen.shared.web.Problem;
import org.springframework.stereotype.Service;

/**
 * The programs and their rulebooks as the rest of the platform reads them. Programs and active versions come from
 * memory ({@link RulebookCache}); the version history and notices from the database, notices worded in the reader's
 * language ({@link NoticeWording}). Staff may manage a program when they are system admin or a program operator
 * whose scope covers the program's organization.
 */
@Service
public class ProgramRulebooks implements Rulebooks {

    private final RulebookRows rows;
    private final RulebookCache cache;
    private final Organizations organizations;
    private final Memberships memberships;
    private final NoticeWording wording;

    ProgramRulebooks(
            RulebookRows rows,
            RulebookCache cache,
            Organizations organizations,
            Memberships memberships,
            NoticeWording wording) {
        this.rows = rows;
        this.cache = cache;
        this.organizations = organizations;
        this.memberships = memberships;
        this.wording = wording;
    }

    @Override
    public Optional<Program> program(String key) {
        return key == null ? Optional.empty() : cache.program(key);
    }

    @Override
    public List<Program> programs() {
        return cache.programs();
    }

    @Override
    public List<Program> programsFor(long orgId) {
        var org = organizations.find(orgId);
        if (org.isEmpty()) {
            return List.of();
        }
        var lineage = new HashSet<>(org.get().lineage());
        return programs().stream().filter(p -> lineage.contains(p.orgId())).toList();
    }

    @Override
    public Optional<RulebookVersion> inForce(String programKey, Instant at) {
        return cache.inForce(programKey, at);
    }

    @Override
    public List<RulebookVersion> versions(String programKey) {
        return program(programKey)
                .map(p ->
                        rows.versions(p.id()).stream().map(StoredVersion::toApi).toList())
                .orElse(List.of());
    }

    @Override
    public List<Notice> notices(String programKey, Locale locale) {
        return program(programKey).map(p -> notices(p, locale)).orElse(List.of());
    }

    private List<Notice> notices(Program program, Locale locale) {
        var stored = rows.notices(program.id());
        if (stored.isEmpty()) {
            return List.of();
        }
        var versions = rows.versions(program.id()).stream()
                .collect(Collectors.toMap(StoredVersion::version, Function.identity()));
        return stored.stream()
                .map(n -> wording.notice(
                        program,
                        versions.get(n.version()),
                        n.previousVersion() == null ? null : versions.get(n.previousVersion()),
                        n.publishedAt(),
                        locale))
                .toList();
    }

    /** The program, or {@code rulebook.program-not-found} (404). */
    public Program get(String key) {
        return program(key).orElseThrow(() -> Problem.notFound("rulebook.program-not-found", key));
    }

    /** The programs {@code user} manages: all for the system admin, else those in their program-operator scope. */
    public List<Program> managedBy(SignedInUser user) {
        return programs().stream().filter(p -> manages(user, p.orgId())).toList();
    }

    /** The program, if {@code user} manages it: else 404 or {@code rulebook.out-of-scope} (403). */
    public Program managed(String key, SignedInUser user) {
        var program = get(key);
        if (!manages(user, program.orgId())) {
            throw Problem.forbidden("rulebook.out-of-scope", key);
        }
        return program;
    }

    /** True when {@code user} may run programs of {@code orgId}'s subtree. */
    public boolean manages(SignedInUser user, long orgId) {
        if (user == null) {
            return false;
        }
        if (user.has(Role.SYSTEM_ADMIN)) {
            return true;
        }
        var scope = user.scope(Role.PROGRAM_OPERATOR);
        return !scope.isEmpty()
                && organizations.find(orgId).map(o -> covered(o, scope)).orElse(false);
    }

    /** True when {@code user} takes part in the program (a member of its subtree) or manages it. */
    public boolean takesPartOrManages(SignedInUser user, Program program) {
        if (manages(user, program.orgId())) {
            return true;
        }
        return user != null
                && memberships.of(user.id()).stream()
                        .map(m -> organizations.find(m.orgId()))
                        .flatMap(Optional::stream)
                        .anyMatch(o -> o.within(program.orgId()));
    }

    public List<StoredVersion> storedVersions(Program program) {
        return rows.versions(program.id());
    }

    /** One version, or {@code rulebook.version-not-found} (404). */
    public StoredVersion storedVersion(Program program, int version) {
        return rows.version(program.id(), version)
                .orElseThrow(() -> Problem.notFound("rulebook.version-not-found", program.key(), version));
    }

    /** The active version with the highest number: what the next activation is compared with. */
    public Optional<StoredVersion> latestActive(Program program) {
        return rows.versions(program.id()).stream()
                .filter(StoredVersion::active)
                .findFirst();
    }

    /** The changes from version {@code from} to version {@code to} of the program. */
    public RulebookDiff diff(Program program, int from, int to) {
        return RulebookDiff.between(
                storedVersion(program, from).rulebook(),
                storedVersion(program, to).rulebook());
    }

    /** The YAML of a version: as uploaded. */
    public String yaml(Program program, int version) {
        return storedVersion(program, version).yaml();
    }

    private static boolean covered(Organization org, java.util.Set<Long> roots) {
        return org.lineage().stream().anyMatch(roots::contains);
    }
}
