package org.jifen.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jifen.org.Memberships;
import org.jifen.org.Organizations;
import org.jifen.shared.MobileNumber;
import org.jifen.support.JifenIntegrationTest;
import org.jifen.support.Sessions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@JifenIntegrationTest
class SignUpIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    Memberships memberships;

    private String community() {
        return String.valueOf(
                organizations.resolve("龙岗区/平湖街道/山厦社区").orElseThrow().id());
    }

    @Test
    @DisplayName("LG-8 a learner signs up with a mobile number, real name and organization, then logs in")
    void signs_up_and_logs_in() throws Exception {
        var pinghu = organizations.resolve("龙岗区/平湖街道").orElseThrow();
        mvc.perform(post("/signup")
                        .with(csrf())
                        .param("mobile", "+86 136 0000 1001")
                        .param("password", "Learn2026")
                        .param("realName", "李新")
                        .param("orgId", String.valueOf(pinghu.rootId()), String.valueOf(pinghu.id()), community()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login?registered"));

        var account = accounts.findByMobile(MobileNumber.parse("13600001001").orElseThrow())
                .orElseThrow();
        assertThat(account.realName()).isEqualTo("李新");
        assertThat(memberships.of(account.id()))
                .singleElement()
                .satisfies(m -> assertThat(m.orgId()).isEqualTo(Long.parseLong(community())));
        assertThat(Sessions.login(mvc, "13600001001", "Learn2026")).isNotNull();
    }

    @ParameterizedTest(name = "{4}")
    @CsvSource({
        "1360000100, Learn2026, 王五, true, mobile-error: not a mainland mobile",
        "13800000006, Learn2026, 王五, true, mobile-error: already registered",
        "13600001002, short1, 王五, true, password-error: too short",
        "13600001002, onlyletters, 王五, true, password-error: no digit",
        "13600001002, Learn2026, '', true, realName-error: missing name",
        "13600001002, Learn2026, 王五, false, organization-error: no organization"
    })
    @DisplayName("bad sign-up input gets a message next to its field and creates nothing")
    void rejects_bad_input_next_to_the_field(
            String mobile, String password, String name, boolean withOrg, String expectation) throws Exception {
        long before = accounts.count();
        var request = post("/signup")
                .with(csrf())
                .param("mobile", mobile)
                .param("password", password)
                .param("realName", name);
        if (withOrg) {
            request.param("orgId", community());
        }
        var field = expectation.substring(0, expectation.indexOf(':'));
        mvc.perform(request)
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"" + field + "\"")));
        assertThat(accounts.count()).isEqualTo(before);
    }

    @Test
    @DisplayName("an unknown organization is rejected and nothing is created")
    void rejects_an_unknown_organization() throws Exception {
        long before = accounts.count();
        mvc.perform(post("/signup")
                        .with(csrf())
                        .param("mobile", "13600001003")
                        .param("password", "Learn2026")
                        .param("realName", "赵六")
                        .param("orgId", "987654321"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"organization-error\"")));
        assertThat(accounts.count()).isEqualTo(before);
    }

    @Test
    @DisplayName("a sign-up without a CSRF token is refused")
    void needs_a_csrf_token() throws Exception {
        mvc.perform(post("/signup").param("mobile", "13600001004")).andExpect(status().isForbidden());
    }
}
