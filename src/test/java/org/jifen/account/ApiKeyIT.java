package org.jifen.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jifen.support.JifenIntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@JifenIntegrationTest
class ApiKeyIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiClients clients;

    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("an integration calls /api/v1 with its key; a wrong or revoked key gets 401")
    void authenticates_integrations_by_key() throws Exception {
        var created = clients.create("points-feed", 1L);

        mvc.perform(get("/api/v1/me").header("X-Api-Key", created.key()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.label").value("api:points-feed"))
                .andExpect(jsonPath("$.roles[0]").value("api_client"));

        var wrong = created.key().substring(0, created.key().length() - 1)
                + (created.key().endsWith("0") ? "1" : "0");
        mvc.perform(get("/api/v1/me").header("X-Api-Key", wrong))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("api-key.invalid"));

        clients.revoke(created.id());
        mvc.perform(get("/api/v1/me").header("X-Api-Key", created.key())).andExpect(status().isUnauthorized());
    }

    @Test
    @DisplayName("a key is known from memory only once verified against the database, and not after its revocation")
    void recently_verified_keys() {
        var created = clients.create("memory-check", 1L);
        assertThat(clients.recentlyVerified(created.key())).isEmpty();
        assertThat(clients.authenticate(created.key())).map(ApiClient::name).contains("memory-check");
        assertThat(clients.recentlyVerified(created.key())).map(ApiClient::id).contains(created.id());
        var other = created.key().substring(0, created.key().length() - 1)
                + (created.key().endsWith("0") ? "1" : "0");
        assertThat(clients.recentlyVerified(other)).isEmpty();
        assertThat(clients.recentlyVerified("jf_not-a-key")).isEmpty();
        assertThat(clients.recentlyVerified(null)).isEmpty();

        clients.revoke(created.id());
        assertThat(clients.recentlyVerified(created.key())).isEmpty();
        assertThat(clients.authenticate(created.key())).isEmpty();
    }

    @Test
    @DisplayName("the key is stored only as a hash, and its creation is audited")
    void stores_only_a_hash() {
        var created = clients.create("hash-check", 1L);
        var secret = created.key().substring(16);
        var stored = jdbc.sql("select key_prefix || ' ' || key_hash from account.api_client where id = ?")
                .param(created.id())
                .query(String.class)
                .single();
        assertThat(stored).doesNotContain(secret);
        assertThat(jdbc.sql(
                                "select count(*) from audit.audit_entry where action = 'api-client.create' and object_id = ?")
                        .param(String.valueOf(created.id()))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    @DisplayName("without a session or key the API answers 401, not a login page")
    void api_without_credentials_is_401() throws Exception {
        mvc.perform(get("/api/v1/me")).andExpect(status().isUnauthorized());
    }
}
