package org.jifen.org.members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jifen.account.AccountView;
import org.jifen.account.Accounts;
import org.jifen.account.SignedInUser;
import org.jifen.org.Organizations;
import org.jifen.shared.MobileNumber;
import org.jifen.support.Demo;
import org.jifen.support.JifenIntegrationTest;
import org.jifen.support.Workbooks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

@JifenIntegrationTest
class MemberRevealIT {

    private static final String PINGHU_MEMBER = "13700000601";
    private static final String BUJI_MEMBER = "13700000602";
    private static final String ID_NUMBER = "440307199001011234";

    @Autowired
    MockMvc mvc;

    @Autowired
    MemberImport imports;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    private AccountView pinghuMember;
    private AccountView bujiMember;

    @BeforeEach
    void members() {
        if (accounts.findByMobile(mobile(PINGHU_MEMBER)).isEmpty()) {
            var csv = "姓名,手机号,组织\n揭一,%s,龙岗区/平湖街道/山厦社区\n揭二,%s,龙岗区/布吉街道\n".formatted(PINGHU_MEMBER, BUJI_MEMBER);
            assertThat(imports.run(login(Demo.SYSTEM_ADMIN), "reveal.csv", csv.getBytes(StandardCharsets.UTF_8))
                            .succeeded())
                    .isTrue();
            // imports carry no ID number; give the member one to reveal
            jdbc.sql("update account.user_account set id_number = ? where mobile = ?")
                    .params(ID_NUMBER, PINGHU_MEMBER)
                    .update();
        }
        pinghuMember = accounts.findByMobile(mobile(PINGHU_MEMBER)).orElseThrow();
        bujiMember = accounts.findByMobile(mobile(BUJI_MEMBER)).orElseThrow();
    }

    private SignedInUser login(String mobile) {
        return (SignedInUser) users.loadUserByUsername(mobile);
    }

    private List<String[]> reveals(long accountId) {
        return jdbc.sql("""
                        select coalesce(before_summary, ''), coalesce(after_summary, ''), coalesce(reason, ''), actor_id
                        from audit.audit_entry where action = 'member.reveal' and object_id = ? order by id""")
                .param(String.valueOf(accountId))
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)})
                .list();
    }

    @Test
    @DisplayName("LG-16 a permitted admin with a reason sees the full numbers; the audit keeps the reason, not them")
    void reveal_with_permission() throws Exception {
        int before = reveals(pinghuMember.id()).size();
        var admin = login(Demo.ORG_ADMIN);

        mvc.perform(post("/api/v1/members/{id}/reveal", pinghuMember.id())
                        .with(user(admin))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"核实积分兑换身份\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.mobile").value(PINGHU_MEMBER))
                .andExpect(jsonPath("$.idNumber").value(ID_NUMBER));

        var entries = reveals(pinghuMember.id());
        assertThat(entries).hasSize(before + 1);
        var entry = entries.getLast();
        assertThat(entry[2]).isEqualTo("核实积分兑换身份");
        assertThat(entry[3]).isEqualTo(String.valueOf(admin.id()));
        assertThat(String.join("|", entry)).doesNotContain(PINGHU_MEMBER).doesNotContain(ID_NUMBER);
    }

    @Test
    @DisplayName("LG-16 the page reveals once through an htmx fragment")
    void reveal_on_the_page() throws Exception {
        var html = mvc.perform(post("/admin/members/{id}/reveal", pinghuMember.id())
                        .with(user(login(Demo.ORG_ADMIN)))
                        .with(csrf())
                        .param("reason", "核对报名信息"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(html).contains("revealed-" + pinghuMember.id(), PINGHU_MEMBER, ID_NUMBER);
    }

    @Test
    @DisplayName("LG-16 without the permission: 403, nothing revealed, nothing recorded")
    void reveal_without_permission() throws Exception {
        int before = reveals(pinghuMember.id()).size();

        var body = mvc.perform(post("/api/v1/members/{id}/reveal", pinghuMember.id())
                        .with(user(login(Demo.SYSTEM_ADMIN)))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"只是看看而已\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("member.reveal-forbidden"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(body).doesNotContain(PINGHU_MEMBER);
        mvc.perform(post("/admin/members/{id}/reveal", pinghuMember.id())
                        .with(user(login(Demo.SYSTEM_ADMIN)))
                        .with(csrf())
                        .param("reason", "只是看看而已"))
                .andExpect(status().isForbidden());
        assertThat(reveals(pinghuMember.id())).hasSize(before);
    }

    @Test
    @DisplayName("LG-16 an empty or too short reason is rejected and nothing is revealed or recorded")
    void reason_required() throws Exception {
        int before = reveals(pinghuMember.id()).size();
        for (var reason : List.of("", "   ", "看看")) {
            var body = mvc.perform(post("/api/v1/members/{id}/reveal", pinghuMember.id())
                            .with(user(login(Demo.ORG_ADMIN)))
                            .with(csrf())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"reason\":\"" + reason + "\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("member.reveal-reason"))
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(body).doesNotContain(PINGHU_MEMBER);
        }
        var page = mvc.perform(post("/admin/members/{id}/reveal", pinghuMember.id())
                        .with(user(login(Demo.ORG_ADMIN)))
                        .with(csrf())
                        .param("reason", ""))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("reveal-error-" + pinghuMember.id()).doesNotContain(PINGHU_MEMBER);
        assertThat(reveals(pinghuMember.id())).hasSize(before);
    }

    @Test
    @DisplayName("LG-16 a member outside the admin's scope is not found")
    void out_of_scope_member() throws Exception {
        mvc.perform(post("/api/v1/members/{id}/reveal", bujiMember.id())
                        .with(user(login(Demo.ORG_ADMIN)))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"核实积分兑换身份\"}"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("member.not-found"));
        assertThat(reveals(bujiMember.id())).isEmpty();
    }

    @Test
    @DisplayName("MASK the member list shows masked numbers and counts including descendants")
    void list_masks_and_counts() throws Exception {
        var pinghu = organizations.resolve("龙岗区/平湖街道").orElseThrow();
        var shanxia = organizations.resolve("龙岗区/平湖街道/山厦社区").orElseThrow();
        var html = mvc.perform(get("/admin/members")
                        .param("orgId", String.valueOf(pinghu.id()))
                        .param("q", "揭一")
                        .with(user(login(Demo.ORG_ADMIN))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(html)
                .contains("id=\"member-" + pinghuMember.id() + "\"", "揭一", "137****0601", "440***********1234")
                .doesNotContain(PINGHU_MEMBER)
                .doesNotContain(ID_NUMBER)
                .contains("reveal-" + pinghuMember.id());
        long inSubtree = countInSubtree(pinghu.path());
        assertThat(html).containsPattern("id=\"count-" + pinghu.id() + "\"[\\s\\S]*?>" + inSubtree + "<");
        assertThat(html)
                .containsPattern("id=\"count-" + shanxia.id() + "\"[\\s\\S]*?>" + countInSubtree(shanxia.path()) + "<");
        assertThat(inSubtree).isGreaterThan(countInSubtree(shanxia.path()));

        mvc.perform(get("/api/v1/members")
                        .param("orgId", String.valueOf(pinghu.id()))
                        .param("q", "揭一")
                        .with(user(login(Demo.ORG_ADMIN))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.members[0].maskedMobile").value("137****0601"))
                .andExpect(jsonPath("$.counts[0].members").value(inSubtree));
    }

    @Test
    @DisplayName("MASK the system admin sees no reveal button; an organization outside the scope is not found")
    void list_scope() throws Exception {
        var html = mvc.perform(get("/admin/members").with(user(login(Demo.SYSTEM_ADMIN))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("member-list").doesNotContain("reveal-slot-");

        var buji = organizations.resolve("龙岗区/布吉街道").orElseThrow();
        mvc.perform(get("/admin/members")
                        .param("orgId", String.valueOf(buji.id()))
                        .with(user(login(Demo.ORG_ADMIN))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/admin/members").with(user(login(Demo.LEARNER)))).andExpect(status().isForbidden());
    }

    @Test
    @DisplayName("MASK AUDIT the export holds masked numbers only and is recorded")
    void export_is_masked_and_audited() throws Exception {
        long exports = jdbc.sql("select count(*) from audit.audit_entry where action = 'member.export'")
                .query(Long.class)
                .single();
        // the rows are streamed on MVC's async executor, once the export has been checked and recorded
        var started = mvc.perform(get("/admin/members/export").with(user(login(Demo.ORG_ADMIN))))
                .andExpect(request().asyncStarted())
                .andReturn();
        mvc.perform(asyncDispatch(started)).andExpect(status().isOk());
        var bytes = started.getResponse().getContentAsByteArray();

        var cells = Workbooks.read(bytes).getFirst().rows().stream()
                .flatMap(List::stream)
                .toList();
        assertThat(cells).contains("揭一", "137****0601", "440***********1234");
        assertThat(cells).noneMatch(c -> c.matches(".*1[3-9]\\d{9}.*"));
        assertThat(cells).doesNotContain(ID_NUMBER);
        assertThat(jdbc.sql("select count(*) from audit.audit_entry where action = 'member.export'")
                        .query(Long.class)
                        .single())
                .isEqualTo(exports + 1);
    }

    private long countInSubtree(String path) {
        return jdbc.sql("""
                        select count(*) from org.membership m join org.organization o on o.id = m.org_id
                        where o.path like ? || '%'""").param(path).query(Long.class).single();
    }

    private static MobileNumber mobile(String value) {
        return MobileNumber.parse(value).orElseThrow();
    }
}
