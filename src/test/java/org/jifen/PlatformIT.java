package org.jifen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jifen.account.Accounts;
import org.jifen.support.JifenIntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.MockMvc;

@JifenIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class PlatformIT {

    @Autowired
    MockMvc mvc;

    @Test
    void exposes_health_and_prometheus_metrics() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/prometheus"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("jvm_memory_used_bytes")));
    }

    @Test
    void documents_the_api_with_openapi() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/me']").exists());
    }

    @Test
    @DisplayName("errors are RFC 9457 problem details with a stable code")
    void answers_errors_as_problem_details() throws Exception {
        mvc.perform(
                        get("/api/v1/me")
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.user(new org.jifen.account.SignedInUser(
                                        1,
                                        "13800000001",
                                        "x",
                                        null,
                                        false,
                                        true,
                                        java.util.Map.of(),
                                        java.util.Set.of()))))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/me").header("X-Api-Key", "nonsense"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.type").value("https://jifen.org/problems/api-key.invalid"))
                .andExpect(jsonPath("$.code").value("api-key.invalid"));
    }

    @Test
    @DisplayName("LG-16 logs never contain a full mobile number")
    void masks_mobile_numbers_in_logs(CapturedOutput output, @Autowired Accounts accounts) {
        accounts.signUp("13600004001", "Secret2026", "冯一");
        assertThat(output.getAll())
                .contains("136****4001")
                .doesNotContain("13600004001")
                .doesNotContain("Secret2026");
    }

    @Test
    void pages_speak_chinese_by_default_and_english_on_request() throws Exception {
        mvc.perform(get("/login")).andExpect(content().string(org.hamcrest.Matchers.containsString("登录")));
        mvc.perform(get("/login").param("lang", "en"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Log in")));
    }
}
