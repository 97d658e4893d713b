package org.jifen.org.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jifen.org.AdminScope;
import org.jifen.org.OrgKind;
import org.jifen.org.Organization;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Decision tables for creating, renaming and moving organizations (ORG). The trees:
 *
 * <pre>
 * 龙岗区 ─┬─ 平湖街道 ─┬─ 山厦社区 ── 第一网格
 *         │            └─ 平湖社区
 *         └─ 布吉街道 ─── 布吉社区
 * 省直机关工委 ── 第一党总支
 * </pre>
 *
 * Scopes: {@code system} (the system admin), {@code pinghu} (org admin of 平湖街道), {@code longgang} (org admin
 * of 龙岗区), {@code pinghu+shanxia} (two grants, one inside the other), {@code none}.
 */
class TreeChangesTest {

    private static final Map<String, Organization> TREE = new LinkedHashMap<>();

    static {
        add(1, null, "龙岗区", OrgKind.DISTRICT);
        add(2, "龙岗区", "平湖街道", OrgKind.SUBDISTRICT);
        add(3, "龙岗区", "布吉街道", OrgKind.SUBDISTRICT);
        add(5, "平湖街道", "山厦社区", OrgKind.COMMUNITY);
        add(6, "平湖街道", "平湖社区", OrgKind.COMMUNITY);
        add(7, "山厦社区", "第一网格", OrgKind.SECTION);
        add(8, "布吉街道", "布吉社区", OrgKind.COMMUNITY);
        add(10, null, "省直机关工委", OrgKind.PARTY_COMMITTEE);
        add(11, "省直机关工委", "第一党总支", OrgKind.GENERAL_BRANCH);
    }

    private static void add(long id, String parentName, String name, OrgKind kind) {
        var parent = parentName == null ? null : TREE.get(parentName);
        var org = parent == null
                ? new Organization(id, null, id, name, kind, "/" + id + "/")
                : new Organization(id, parent.id(), parent.rootId(), name, kind, parent.path() + id + "/");
        TREE.put(name, org);
    }

    private static Organization org(String name) {
        return "-".equals(name) || name == null ? null : TREE.get(name);
    }

    private static Organization parentOf(Organization org) {
        return TREE.values().stream()
                .filter(o -> org.parentId() != null && o.id() == org.parentId())
                .findFirst()
                .orElse(null);
    }

    private static List<Organization> childrenOf(Organization parent) {
        return TREE.values().stream()
                .filter(o -> parent == null ? o.root() : parent.id() == (o.parentId() == null ? -1 : o.parentId()))
                .toList();
    }

    private static AdminScope scope(String name) {
        return switch (name) {
            case "system" -> new AdminScope(true, Set.of());
            case "pinghu" -> new AdminScope(false, Set.of(2L));
            case "longgang" -> new AdminScope(false, Set.of(1L));
            case "pinghu+shanxia" -> new AdminScope(false, Set.of(2L, 5L));
            case "none" -> new AdminScope(false, Set.of());
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static String outcome(TreeChange change) {
        return switch (change) {
            case TreeChange.Allowed a -> "allowed";
            case TreeChange.Rejected r -> r.code();
        };
    }

    @DisplayName("ORG moves: no cycles, no roots, no other trees, nothing outside the admin's scope")
    @ParameterizedTest(name = "{0}: {1} under {2} by {3} → {4}")
    @CsvSource(delimiter = '|', textBlock = """
            # example                                             | org      | new parent | scope          | outcome
            a community moves to another subdistrict              | 山厦社区 | 布吉街道   | longgang       | allowed
            a subdistrict moves under a sibling subdistrict       | 平湖街道 | 布吉街道   | system         | allowed
            a subtree moves down inside the admin's scope         | 平湖社区 | 山厦社区   | pinghu         | allowed
            moving to the current parent changes nothing          | 山厦社区 | 平湖街道   | pinghu         | allowed
            a move under itself would make a cycle                | 平湖街道 | 平湖街道   | system         | org.move-cycle
            a move under its own child would make a cycle         | 平湖街道 | 山厦社区   | longgang       | org.move-cycle
            a move under a grandchild would make a cycle          | 山厦社区 | 第一网格   | pinghu         | org.move-cycle
            a root cannot move                                    | 龙岗区   | 省直机关工委 | system       | org.move-root
            a move to another tree is refused                     | 平湖街道 | 第一党总支 | system         | org.move-other-tree
            the scoped admin cannot move an org outside the scope | 布吉社区 | 山厦社区   | pinghu         | org.out-of-scope
            the scoped admin cannot move out of the scope         | 山厦社区 | 布吉街道   | pinghu         | org.out-of-scope
            the scoped admin cannot move the top of the scope     | 平湖街道 | 布吉街道   | pinghu         | org.out-of-scope
            the top of the scope cannot move even inside it       | 平湖街道 | 平湖街道   | pinghu         | org.scope-root
            a nested grant's top moves inside the outer grant     | 山厦社区 | 平湖社区   | pinghu+shanxia | allowed
            an admin of the whole tree cannot move its root       | 龙岗区   | 龙岗区     | longgang       | org.scope-root
            someone without a scope can move nothing              | 山厦社区 | 布吉街道   | none           | org.out-of-scope
            the system admin moves across subdistricts          | 布吉社区 | 平湖街道   | system         | allowed
            """)
    void moves(String example, String org, String newParent, String scope, String expected) {
        var moving = org(org);
        var target = org(newParent);
        var outcome = TreeChanges.move(moving, parentOf(moving), target, childrenOf(target), scope(scope));
        assertThat(outcome(outcome)).as(example).isEqualTo(expected);
    }

    @Test
    @DisplayName("ORG a move under a parent that already has a child of the same name is refused")
    void move_next_to_a_namesake_is_refused() {
        var namesake = new Organization(12, 3L, 1, "山厦社区", OrgKind.COMMUNITY, "/1/3/12/");
        var moving = org("山厦社区");
        var outcome = TreeChanges.move(
                moving, parentOf(moving), org("布吉街道"), List.of(org("布吉社区"), namesake), scope("longgang"));
        assertThat(outcome).isEqualTo(new TreeChange.Rejected(Refusal.NAME_TAKEN));
    }

    @DisplayName("ORG renames: a sound name, unique among siblings, never the top of one's own scope")
    @ParameterizedTest(name = "{0}: {1} → \"{2}\" by {3} → {4}")
    @CsvSource(delimiter = '|', textBlock = """
            # example                                        | org      | new name         | scope    | outcome
            a community gets a new name                      | 山厦社区 | 山厦新村社区     | pinghu   | allowed
            surrounding blanks are stripped before checking  | 山厦社区 | '  平湖社区  '   | pinghu   | org.name-taken
            keeping the same name is allowed                 | 山厦社区 | 山厦社区         | pinghu   | allowed
            a name taken by a sibling is refused             | 山厦社区 | 平湖社区         | pinghu   | org.name-taken
            a name used in another subdistrict is fine       | 山厦社区 | 布吉社区         | pinghu   | allowed
            an empty name is refused                         | 山厦社区 | ''               | pinghu   | org.name-required
            a blank name is refused                          | 山厦社区 | '   '            | pinghu   | org.name-required
            a slash would split the name path                | 山厦社区 | 山厦/新村        | pinghu   | org.name-invalid
            the scoped admin cannot rename another subtree   | 布吉社区 | 布吉一社区       | pinghu   | org.out-of-scope
            the scoped admin cannot rename their scope's top | 平湖街道 | 平湖             | pinghu   | org.scope-root
            the admin above may rename it                    | 平湖街道 | 平湖             | longgang | allowed
            the system admin may rename a root               | 龙岗区   | 龙岗             | system   | allowed
            an admin of the whole tree cannot rename it      | 龙岗区   | 龙岗             | longgang | org.scope-root
            a root cannot take another root's name           | 龙岗区   | 省直机关工委     | system   | org.name-taken
            """)
    void renames(String example, String org, String name, String scope, String expected) {
        var renamed = org(org);
        var parent = parentOf(renamed);
        var outcome = TreeChanges.rename(renamed, parent, name, childrenOf(parent), scope(scope));
        assertThat(outcome(outcome)).as(example).isEqualTo(expected);
    }

    @Test
    @DisplayName("ORG names have 1 to 100 characters, counted as characters rather than bytes")
    void names_have_at_most_100_characters() {
        var org = org("山厦社区");
        var parent = parentOf(org);
        var ok = TreeChanges.rename(org, parent, "社".repeat(100), childrenOf(parent), scope("pinghu"));
        var tooLong = TreeChanges.rename(org, parent, "社".repeat(101), childrenOf(parent), scope("pinghu"));
        assertThat(ok).isInstanceOf(TreeChange.Allowed.class);
        assertThat(tooLong).isEqualTo(new TreeChange.Rejected(Refusal.NAME_TOO_LONG));
    }

    @DisplayName("ORG creation: roots by the system admin only, children inside the admin's scope, known kinds")
    @ParameterizedTest(name = "{0}: {2} ({3}) under {1} by {4} → {5}")
    @CsvSource(delimiter = '|', textBlock = """
            # example                                      | parent   | name       | kind            | scope  | outcome
            a community under the admin's subdistrict      | 平湖街道 | 新南社区   | community       | pinghu | allowed
            a section deep inside the scope                | 第一网格 | 第一小组   | SECTION         | pinghu | allowed
            the system admin creates a new tree            | -        | 坪山区     | district        | system | allowed
            a scoped admin cannot create a tree            | -        | 坪山区     | district        | pinghu | org.root-system-admin-only
            a scoped admin cannot create in another subtree| 布吉街道 | 新社区     | community       | pinghu | org.out-of-scope
            a name taken by a sibling is refused           | 平湖街道 | 平湖社区   | community       | pinghu | org.name-taken
            a root name taken by another root is refused   | -        | 龙岗区     | district        | system | org.name-taken
            an unknown kind is refused                     | 平湖街道 | 新南社区   | village         | pinghu | org.kind-unknown
            a missing kind is refused                      | 平湖街道 | 新南社区   | ''              | pinghu | org.kind-unknown
            a missing name is refused                      | 平湖街道 | ''         | community       | pinghu | org.name-required
            party organizations are known kinds            | 第一党总支 | 第一党支部 | branch        | system | allowed
            """)
    void creations(String example, String parent, String name, String kind, String scope, String expected) {
        var under = org(parent);
        var outcome = TreeChanges.create(under, name, kind, childrenOf(under), scope(scope));
        assertThat(outcome(outcome)).as(example).isEqualTo(expected);
    }

    @Test
    @DisplayName("ORG every refusal has a stable problem code under org.")
    void refusals_have_stable_codes() {
        assertThat(Refusal.values()).allSatisfy(r -> assertThat(r.code()).startsWith("org."));
        assertThat(Refusal.MOVE_CYCLE.code()).isEqualTo("org.move-cycle");
        assertThat(Refusal.OUT_OF_SCOPE.code()).isEqualTo("org.out-of-scope");
    }
}
