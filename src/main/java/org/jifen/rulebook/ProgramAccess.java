package org.jifen.rulebook;

import java.util.LinkedHashMap;
import java.util.List;
import org.jifen.account.Role;
import org.jifen.account.SignedInUser;
import org.jifen.org.Memberships;
import org.jifen.org.Organizations;
import org.jifen.shared.web.Problem;
import org.springframework.stereotype.Component;

/**
 * Who may see which program (its points, its content): a learner the programs of their organizations; staff the programs whose
 * organization lies in the subtree of one of their program-operator grants (or the system admin, every program).
 */
@Component
public class ProgramAccess {

    private final Rulebooks rulebooks;
    private final Memberships memberships;
    private final Organizations organizations;

    public ProgramAccess(Rulebooks rulebooks, Memberships memberships, Organizations organizations) {
        this.rulebooks = rulebooks;
        this.memberships = memberships;
        this.organizations = organizations;
    }

    /** The programs {@code userId} takes part in, through each of their memberships, each once. */
    public List<Program> programsOf(long userId) {
        var programs = new LinkedHashMap<String, Program>();
        for (var membership : memberships.of(userId)) {
            rulebooks.programsFor(membership.orgId()).forEach(p -> programs.putIfAbsent(p.key(), p));
        }
        return List.copyOf(programs.values());
    }

    /** A program of the learner's; {@code program.not-found} (404) for any other, so as to reveal nothing. */
    public Program forLearner(String key, long userId) {
        return programsOf(userId).stream()
                .filter(p -> p.key().equals(key))
                .findFirst()
                .orElseThrow(() -> Problem.notFound("program.not-found", key));
    }

    /** A program the staff member runs; 404 when there is none, {@code program.out-of-scope} (403) when not theirs. */
    public Program forOperator(String key, SignedInUser user) {
        var program = rulebooks.program(key).orElseThrow(() -> Problem.notFound("program.not-found", key));
        if (!operates(user, program)) {
            throw Problem.forbidden("program.out-of-scope", key);
        }
        return program;
    }

    public boolean operates(SignedInUser user, Program program) {
        if (user.has(Role.SYSTEM_ADMIN) || user.platformWide(Role.PROGRAM_OPERATOR)) {
            return true;
        }
        var scope = user.scope(Role.PROGRAM_OPERATOR);
        return organizations
                .find(program.orgId())
                .map(org -> org.lineage().stream().anyMatch(scope::contains))
                .orElse(false);
    }

    /** True when {@code userId} belongs to an organization in the program's subtree. */
    public boolean member(Program program, long userId) {
        return memberships.of(userId).stream()
                .anyMatch(m -> organizations
                        .find(m.orgId())
                        .map(o -> o.within(program.orgId()))
                        .orElse(false));
    }
}
