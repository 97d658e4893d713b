package org.jifen.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jifen.shared.MobileNumber;
import org.jifen.support.Demo;
import org.jifen.support.JifenIntegrationTest;
import org.jifen.support.Sessions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@JifenIntegrationTest
class StaffRolesIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("three-administrator separation: the system admin cannot also become auditor")
    void keeps_the_three_administrators_apart() throws Exception {
        var session = Sessions.login(mvc, Demo.SECURITY_ADMIN);
        mvc.perform(post("/admin/roles/grant")
                        .session(session)
                        .with(csrf())
                        .param("mobile", Demo.SYSTEM_ADMIN)
                        .param("role", "AUDITOR")
                        .param("reason", "试图兼任"))
                .andExpect(flash().attribute("problem", "problem.role.separation"));
        var sysadmin = accounts.findByMobile(
                        MobileNumber.parse(Demo.SYSTEM_ADMIN).orElseThrow())
                .orElseThrow();
        assertThat(accounts.grantsOf(sysadmin.id())).extracting(RoleGrant::role).containsExactly(Role.SYSTEM_ADMIN);
    }

    @Test
    @DisplayName("AUDIT a grant with its reason is recorded with actor, role and client address")
    void audits_grants() throws Exception {
        accounts.signUp("13600003001", "Staff2026", "郑一");
        var session = Sessions.login(mvc, Demo.SECURITY_ADMIN);
        mvc.perform(post("/admin/roles/grant")
                        .session(session)
                        .with(csrf())
                        .param("mobile", "13600003001")
                        .param("role", "ORG_ADMIN")
                        .param("orgPath", "龙岗区/布吉街道")
                        .param("reason", "街道新任管理员"))
                .andExpect(flash().attribute("done", true));
        var entry = jdbc.sql(
                        "select actor_label || '|' || actor_roles || '|' || after_summary || '|' || reason || '|' || coalesce(client_address, '')"
                                + " from audit.audit_entry where action = 'role.grant' order by id desc limit 1")
                .query(String.class)
                .single();
        assertThat(entry)
                .contains("138****0002")
                .contains("security_admin")
                .contains("org_admin@org:")
                .contains("街道新任管理员")
                .contains("127.0.0.1");
    }

    @Test
    @DisplayName("a grant without a reason is refused and changes nothing")
    void needs_a_reason() throws Exception {
        accounts.signUp("13600003002", "Staff2026", "王二");
        var session = Sessions.login(mvc, Demo.SECURITY_ADMIN);
        mvc.perform(post("/admin/roles/grant")
                        .session(session)
                        .with(csrf())
                        .param("mobile", "13600003002")
                        .param("role", "AUDITOR")
                        .param("reason", ""))
                .andExpect(flash().attribute("problem", "problem.reason.required"));
        var id = accounts.findByMobile(MobileNumber.parse("13600003002").orElseThrow())
                .orElseThrow()
                .id();
        assertThat(accounts.grantsOf(id)).isEmpty();
    }

    @Test
    @DisplayName("only the security admin manages roles; the system admin and the auditor get 403")
    void only_the_security_admin_manages_roles() throws Exception {
        mvc.perform(get("/admin/roles").session(Sessions.login(mvc, Demo.SECURITY_ADMIN)))
                .andExpect(status().isOk());
        mvc.perform(get("/admin/roles").session(Sessions.login(mvc, Demo.SYSTEM_ADMIN)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/roles/grant")
                        .session(Sessions.login(mvc, Demo.AUDITOR))
                        .with(csrf())
                        .param("mobile", Demo.LEARNER)
                        .param("role", "PROGRAM_OPERATOR")
                        .param("orgPath", "龙岗区")
                        .param("reason", "审计员越权"))
                .andExpect(status().isForbidden());
    }

    @Test
    @DisplayName("the system admin creates an API key on its page and sees it once")
    void system_admin_creates_api_keys() throws Exception {
        var session = Sessions.login(mvc, Demo.SYSTEM_ADMIN);
        var html = mvc.perform(
                        post("/admin/api-clients").session(session).with(csrf()).param("name", "统计平台"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html).containsPattern("jf_[0-9a-f]{12}_[0-9a-f]{64}");
        var again = mvc.perform(get("/admin/api-clients").session(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(again).contains("统计平台").doesNotContainPattern("jf_[0-9a-f]{12}_[0-9a-f]{64}");
    }

    @Test
    @DisplayName("the admin console shows each staff member the cards of their own role")
    void admin_console_cards_follow_the_role() throws Exception {
        var security = mvc.perform(get("/admin").session(Sessions.login(mvc, Demo.SECURITY_ADMIN)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(security).contains("/admin/blacklist", "/admin/roles").doesNotContain("/admin/api-clients");
        var system = mvc.perform(get("/admin").session(Sessions.login(mvc, Demo.SYSTEM_ADMIN)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(system).contains("/admin/api-clients", "/admin/calendar").doesNotContain("/admin/blacklist");
    }
}
