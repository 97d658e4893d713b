package org.jifen.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.regex.Pattern;
import org.jifen.support.Demo;
import org.jifen.support.JifenIntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The organization console and API (ORG, AUDIT) with the demo trees: the Pinghu org admin works inside
 * 龙岗区/平湖街道 only, the program operator reads, the system admin sees all three trees. Each test creates the
 * organizations it changes, so the demo trees stay as other tests expect them.
 */
@JifenIntegrationTest
class OrganizationAdminIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    Organizations organizations;

    private RequestPostProcessor as(String mobile) {
        return user(users.loadUserByUsername(mobile));
    }

    private Organization org(String namePath) {
        return organizations.resolve(namePath).orElseThrow();
    }

    private long create(String who, long parentId, String name, String kind) throws Exception {
        var body = mvc.perform(json(post("/api/v1/organizations"), who, """
                        {"parentId": %d, "name": "%s", "kind": "%s"}""".formatted(parentId, name, kind)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String who, String body) {
        return request.with(as(who))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }

    private List<String> auditOf(String action, long id) {
        return jdbc.sql("""
                        select coalesce(before_summary, '') || ' -> ' || after_summary || ' by ' || actor_id
                          from audit.audit_entry where action = ? and object_type = 'organization' and object_id = ?
                         order by id""")
                .params(action, String.valueOf(id))
                .query(String.class)
                .list();
    }

    private long accountId(String mobile) {
        return ((org.jifen.account.SignedInUser) users.loadUserByUsername(mobile)).id();
    }

    @Test
    @DisplayName("ORG the Pinghu org admin sees only 平湖街道 and below, in the page and in the API")
    void scoped_admin_sees_only_their_subtree() throws Exception {
        var pinghu = org("龙岗区/平湖街道");
        mvc.perform(get("/admin/orgs").with(as(Demo.ORG_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("平湖街道")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("山厦社区")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("布吉街道"))))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("省直机关工委"))));

        var body = mvc.perform(get("/api/v1/organizations").with(as(Demo.ORG_ADMIN)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> paths = JsonPath.read(body, "$[*].path");
        assertThat(paths).isNotEmpty().allMatch(p -> p.startsWith(pinghu.path()));
        assertThat(paths.getFirst()).isEqualTo(pinghu.path());
        List<String> names = JsonPath.read(body, "$[*].name");
        assertThat(names).contains("平湖街道", "山厦社区", "平湖社区").doesNotContain("龙岗区", "布吉街道");
    }

    @Test
    @DisplayName("ORG another subtree is out of scope for the Pinghu org admin: reads and changes get org.out-of-scope")
    void other_subtrees_are_out_of_scope() throws Exception {
        var buji = org("龙岗区/布吉街道");
        var shanxia = org("龙岗区/平湖街道/山厦社区");
        mvc.perform(get("/api/v1/organizations/{id}", buji.id()).with(as(Demo.ORG_ADMIN)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("org.out-of-scope"));
        mvc.perform(get("/api/v1/organizations/{id}/children", buji.id()).with(as(Demo.ORG_ADMIN)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("org.out-of-scope"));
        mvc.perform(json(patch("/api/v1/organizations/{id}", buji.id()), Demo.ORG_ADMIN, "{\"name\": \"布吉\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("org.out-of-scope"));
        mvc.perform(json(
                        post("/api/v1/organizations/{id}/move", shanxia.id()),
                        Demo.ORG_ADMIN,
                        "{\"parentId\": %d}".formatted(buji.id())))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("org.out-of-scope"));
        mvc.perform(json(post("/api/v1/organizations"), Demo.ORG_ADMIN, """
                        {"parentId": %d, "name": "越界社区", "kind": "community"}""".formatted(buji.id())))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("org.out-of-scope"));
        // the top of their own scope stays as it is
        mvc.perform(json(
                        patch("/api/v1/organizations/{id}", org("龙岗区/平湖街道").id()),
                        Demo.ORG_ADMIN,
                        "{\"name\": \"平湖\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("org.scope-root"));

        assertThat(org("龙岗区/布吉街道")).isEqualTo(buji);
        assertThat(org("龙岗区/平湖街道/山厦社区")).isEqualTo(shanxia);
        assertThat(organizations.resolve("龙岗区/布吉街道/越界社区")).isEmpty();
    }

    @Test
    @DisplayName(
            "ORG AUDIT the org admin creates, renames and moves inside the scope, each change audited before/after")
    void creates_renames_and_moves_within_scope_with_audit() throws Exception {
        var pinghu = org("龙岗区/平湖街道");
        long admin = accountId(Demo.ORG_ADMIN);
        long jia = create(Demo.ORG_ADMIN, pinghu.id(), "审计甲社区", "community");
        long yi = create(Demo.ORG_ADMIN, pinghu.id(), "审计乙社区", "community");
        long bing = create(Demo.ORG_ADMIN, yi, "审计丙网格", "section");
        assertThat(auditOf("org.create", jia))
                .containsExactly(" -> name=审计甲社区, kind=community, path=龙岗区/平湖街道/审计甲社区 by " + admin);

        mvc.perform(json(patch("/api/v1/organizations/{id}", yi), Demo.ORG_ADMIN, "{\"name\": \" 审计乙二社区 \"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("审计乙二社区"));
        assertThat(auditOf("org.rename", yi)).containsExactly("name=审计乙社区 -> name=审计乙二社区 by " + admin);

        mvc.perform(json(
                        post("/api/v1/organizations/{id}/move", yi),
                        Demo.ORG_ADMIN,
                        "{\"parentId\": %d}".formatted(jia)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.parentId").value(jia))
                .andExpect(jsonPath("$.path").value(pinghu.path() + jia + "/" + yi + "/"));
        assertThat(auditOf("org.move", yi))
                .containsExactly("path=龙岗区/平湖街道/审计乙二社区 -> path=龙岗区/平湖街道/审计甲社区/审计乙二社区 by " + admin);
        // the whole subtree moved with it
        assertThat(organizations.get(bing).path()).isEqualTo(pinghu.path() + jia + "/" + yi + "/" + bing + "/");
        assertThat(org("龙岗区/平湖街道/审计甲社区/审计乙二社区/审计丙网格").id()).isEqualTo(bing);
    }

    @Test
    @DisplayName("ORG a move under its own descendant is rejected with org.move-cycle and changes nothing")
    void move_under_own_descendant_is_rejected() throws Exception {
        var pinghu = org("龙岗区/平湖街道");
        long top = create(Demo.ORG_ADMIN, pinghu.id(), "环路甲社区", "community");
        long middle = create(Demo.ORG_ADMIN, top, "环路乙网格", "section");
        long bottom = create(Demo.ORG_ADMIN, middle, "环路丙小组", "section");
        var before = organizations.subtree(top);

        mvc.perform(json(
                        post("/api/v1/organizations/{id}/move", top),
                        Demo.ORG_ADMIN,
                        "{\"parentId\": %d}".formatted(bottom)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("org.move-cycle"));
        mvc.perform(post("/admin/orgs/{id}/move", top)
                        .param("parentId", String.valueOf(middle))
                        .with(as(Demo.ORG_ADMIN))
                        .with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(
                        content().string(org.hamcrest.Matchers.containsString("id=\"move-parent-" + top + "-error\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("不能移动到自身或其下级组织之下")));

        assertThat(organizations.subtree(top)).isEqualTo(before);
        assertThat(auditOf("org.move", top)).isEmpty();
    }

    @Test
    @DisplayName("ORG the page refuses a bad name next to the field, and saves a good one with a confirmation")
    void page_shows_errors_next_to_the_field() throws Exception {
        var pinghu = org("龙岗区/平湖街道");
        mvc.perform(post("/admin/orgs/{id}/children", pinghu.id())
                        .param("name", "  ")
                        .param("kind", "community")
                        .with(as(Demo.ORG_ADMIN))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content()
                        .string(org.hamcrest.Matchers.containsString("id=\"child-name-" + pinghu.id() + "-error\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("请填写组织名称")));
        mvc.perform(post("/admin/orgs/{id}/children", pinghu.id())
                        .param("name", "山厦社区")
                        .param("kind", "community")
                        .with(as(Demo.ORG_ADMIN))
                        .with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("同一上级组织下已有同名组织")));

        var saved = mvc.perform(post("/admin/orgs/{id}/children", pinghu.id())
                        .param("name", "页面新社区")
                        .param("kind", "community")
                        .with(as(Demo.ORG_ADMIN))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        var created = org("龙岗区/平湖街道/页面新社区");
        assertThat(created.kind()).isEqualTo(OrgKind.COMMUNITY);
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/admin/orgs#org-" + created.id());
        assertThat(saved.getFlashMap().get("doneKey")).isEqualTo("org.admin.done.created");
        assertThat(auditOf("org.create", created.id())).hasSize(1);
    }

    @Test
    @DisplayName("ORG the system admin sees all three trees; member counts include descendants")
    void system_admin_sees_all_trees_with_counts_including_descendants() throws Exception {
        var page = mvc.perform(get("/admin/orgs").with(as(Demo.SYSTEM_ADMIN)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("龙岗区", "布吉街道", "龙岗区政务服务数据管理局", "省直机关工委", "第一党支部", "id=\"org-new-tree-form\"");

        var pinghu = org("龙岗区/平湖街道");
        var longgang = org("龙岗区");
        long direct = jdbc.sql("select count(*) from org.membership where org_id = ?")
                .param(pinghu.id())
                .query(Long.class)
                .single();
        long withDescendants =
                jdbc.sql("""
                        select count(*) from org.membership m join org.organization o on o.id = m.org_id
                         where o.path like ? || '%'""").param(pinghu.path()).query(Long.class).single();
        long wholeDistrict = jdbc.sql("select count(*) from org.membership where root_id = ?")
                .param(longgang.id())
                .query(Long.class)
                .single();
        assertThat(withDescendants).isGreaterThan(direct);
        assertThat(membersShown(page, pinghu.id())).isEqualTo(withDescendants);
        assertThat(membersShown(page, longgang.id())).isEqualTo(wholeDistrict);

        var scoped = mvc.perform(get("/admin/orgs").with(as(Demo.ORG_ADMIN)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(membersShown(scoped, pinghu.id())).isEqualTo(withDescendants);

        var roots = mvc.perform(get("/api/v1/organizations").with(as(Demo.SYSTEM_ADMIN)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> rootNames = JsonPath.read(roots, "$[?(@.parentId == null)].name");
        assertThat(rootNames).contains("龙岗区", "龙岗区政务服务数据管理局", "省直机关工委");
    }

    private static long membersShown(String page, long orgId) {
        var m = Pattern.compile("id=\"org-" + orgId + "\"[^>]*data-members=\"(\\d+)\"")
                .matcher(page);
        assertThat(m.find()).as("row of organization %d", orgId).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    @DisplayName("ORG the program operator reads the trees of their scope but changes nothing")
    void program_operator_reads_only() throws Exception {
        var pinghu = org("龙岗区/平湖街道");
        var page = mvc.perform(get("/admin/orgs").with(as(Demo.PROGRAM_OPERATOR)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("布吉街道", "平湖街道").doesNotContain("child-form-", "rename-form-", "move-form-");
        mvc.perform(post("/admin/orgs/{id}/children", pinghu.id())
                        .param("name", "运营新社区")
                        .param("kind", "community")
                        .with(as(Demo.PROGRAM_OPERATOR))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(json(post("/api/v1/organizations"), Demo.PROGRAM_OPERATOR, """
                        {"parentId": %d, "name": "运营新社区", "kind": "community"}""".formatted(pinghu.id())))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/orgs").with(as(Demo.LEARNER))).andExpect(status().isForbidden());
        assertThat(organizations.resolve("龙岗区/平湖街道/运营新社区")).isEmpty();
    }

    @Test
    @DisplayName("ORG sign-up pickers read roots and children without logging in")
    void public_pickers_need_no_login() throws Exception {
        var longgang = org("龙岗区");
        mvc.perform(get("/api/v1/public/organizations"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.name == '龙岗区')].id")
                        .value(org.hamcrest.Matchers.contains((int) longgang.id())));
        mvc.perform(get("/api/v1/public/organizations").param("parent", String.valueOf(longgang.id())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("平湖街道"))
                .andExpect(jsonPath("$[0].kind").value("subdistrict"))
                .andExpect(jsonPath("$.length()").value(11));
        mvc.perform(get("/api/v1/organizations")).andExpect(status().isUnauthorized());
    }
}
