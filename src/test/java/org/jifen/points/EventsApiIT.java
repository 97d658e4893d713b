package org.jifen.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.atomic.AtomicInteger;
import org.jifen.account.Accounts;
import org.jifen.account.ApiClients;
import org.jifen.support.Demo;
import org.jifen.support.JifenIntegrationTest;
import org.jifen.support.Sessions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** {@code POST /api/v1/programs/{program}/events}: one event or a batch, one outcome each (LG-7). */
@JifenIntegrationTest
@Import(TestRulebooks.class)
class EventsApiIT {

    static final AtomicInteger IDS = new AtomicInteger();
    static final String URL = "/api/v1/programs/longgang/events";

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiClients clients;

    @Autowired
    Accounts accounts;

    @Autowired
    PointsLedger ledger;

    String key;
    String client;

    @BeforeEach
    void key() {
        client = "events-it-" + IDS.incrementAndGet();
        key = clients.create(client, 1L).key();
    }

    static String id() {
        return "api-it-" + IDS.incrementAndGet();
    }

    @Test
    @DisplayName("LG-7.2.1 one event by mobile number answers one outcome object with points, rules and version")
    void single_event() throws Exception {
        long u = TestAccounts.learner(accounts);
        var mobile = TestAccounts.mobile(accounts, u);
        var body = """
                {"id":"%s","user":"%s","action":"login","at":"2026-03-02T09:00:00+08:00"}""".formatted(id(), mobile);
        mvc.perform(post(URL)
                        .header("X-Api-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.points").value(5))
                .andExpect(jsonPath("$.rules[0].ruleId").value("daily-login"))
                .andExpect(jsonPath("$.rules[0].points").value(5))
                .andExpect(jsonPath("$.rulebookVersion").value(1));
        // the same again: the stored outcome
        mvc.perform(post(URL)
                        .header("X-Api-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.points").value(5));
        assertThat(ledger.balance("longgang", u).lifetime()).isEqualTo(5);
        assertThat(ledger.entries("longgang", u, null, null, 0))
                .singleElement()
                .extracting(LedgerEntry::actorLabel)
                .as("the entry names the API client that sent the event")
                .isEqualTo("api:" + client);
    }

    @Test
    @DisplayName("LG-7 a batch rejects bad events one by one with a stable reason; the good ones count")
    void batch_with_good_and_bad_events() throws Exception {
        long u = TestAccounts.learner(accounts);
        var body = """
                [
                 {"id":"%1$s-1","user":%2$d,"action":"article-read","item":"b1","at":"2026-03-02T09:00:00+08:00"},
                 {"id":"%1$s-2","user":"19999999999","action":"login","at":"2026-03-02T09:00:00+08:00"},
                 {"id":"%1$s-3","user":%2$d,"action":"login","at":"2026-03-02 09:00:00"},
                 {"id":"%1$s-4","user":%2$d,"action":"login","at":"2026-03-02T09:00:00"},
                 {"id":"%1$s-5","user":%2$d,"action":"video-watch","amount":-60,"at":"2026-03-02T09:00:00+08:00"},
                 {"id":"%1$s-6","user":%2$d,"action":"login","colour":"red","at":"2026-03-02T09:00:00+08:00"},
                 {"user":%2$d,"action":"login","at":"2026-03-02T09:00:00+08:00"},
                 {"id":"%1$s-8","user":%2$d,"action":"quiz-group","attrs":{"correct":3,"total":5},"at":"2026-03-02T01:00:00Z"},
                 {"id":"%1$s-9","user":%2$d,"action":"article-read","item":"b2","at":"2026-03-02T09:00:00+08:00"}
                ]""".formatted(id(), u);
        mvc.perform(post(URL)
                        .header("X-Api-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(9))
                .andExpect(jsonPath("$[0].points").value(5))
                .andExpect(jsonPath("$[1].reason").value("unknown-user"))
                .andExpect(jsonPath("$[1].points").value(0))
                .andExpect(jsonPath("$[2].reason").value("malformed-time"))
                .andExpect(jsonPath("$[3].reason").value("malformed-time"))
                .andExpect(jsonPath("$[4].reason").value("negative-amount"))
                .andExpect(jsonPath("$[5].reason").value("unknown-field"))
                .andExpect(jsonPath("$[6].reason").value("missing-field"))
                .andExpect(jsonPath("$[7].points").value(5))
                .andExpect(jsonPath("$[8].points").value(5));
        assertThat(ledger.balance("longgang", u).lifetime()).isEqualTo(15);
        assertThat(ledger.entries("longgang", u, null, null, 0))
                .hasSize(3)
                .extracting(LedgerEntry::actorLabel)
                .containsOnly("api:" + client);
    }

    @Test
    @DisplayName("without an API key or staff session the API answers 401; a learner's session 403")
    void api_key_required() throws Exception {
        var body = """
                {"id":"%s","user":1,"action":"login","at":"2026-03-02T09:00:00+08:00"}""".formatted(id());
        mvc.perform(
                        post(URL)
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(body))
                .andExpect(status().isUnauthorized());
        var learner = Sessions.login(mvc, Demo.LEARNER);
        mvc.perform(
                        post(URL)
                                .session(learner)
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(body))
                .andExpect(status().isForbidden());
    }

    @Test
    @DisplayName("a batch of more than 1,000 events is refused as a whole with a problem")
    void too_many_events() throws Exception {
        var sb = new StringBuilder("[");
        for (int i = 0; i < 1001; i++) {
            sb.append(i == 0 ? "" : ",")
                    .append("{\"id\":\"big-")
                    .append(i)
                    .append("\",\"user\":1,\"action\":\"login\",\"at\":\"2026-03-02T09:00:00+08:00\"}");
        }
        mvc.perform(post(URL)
                        .header("X-Api-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(sb + "]"))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.code").value("events.too-many"));
    }

    @Test
    @DisplayName("an unknown program answers 404 with a problem")
    void unknown_program() throws Exception {
        mvc.perform(post("/api/v1/programs/nowhere/events")
                        .header("X-Api-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"id\":\"x\",\"user\":1,\"action\":\"login\",\"at\":\"2026-03-02T09:00:00+08:00\"}"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("program.not-found"))
                .andExpect(jsonPath("$.detail").value("没有找到该活动"));
    }

    @Test
    @DisplayName("the API answers in the language of Accept-Language, as the ingestion port does; Chinese by default")
    void problems_in_the_clients_language() throws Exception {
        var body = "{\"id\":\"x\",\"user\":1,\"action\":\"login\",\"at\":\"2026-03-02T09:00:00+08:00\"}";
        for (var asked : new String[] {"en", "en-GB,en;q=0.9", "fr, en;q=0.5"}) {
            mvc.perform(post("/api/v1/programs/nowhere/events")
                            .header("X-Api-Key", key)
                            .header("Accept-Language", asked)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.detail").value("No such program"));
        }
        for (var asked : new String[] {"zh-CN", "fr", "not a language"}) {
            mvc.perform(post("/api/v1/programs/nowhere/events")
                            .header("X-Api-Key", key)
                            .header("Accept-Language", asked)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body))
                    .andExpect(jsonPath("$.detail").value("没有找到该活动"));
        }
    }

    @Test
    @DisplayName("pages stay Chinese whatever the browser prefers, until the person chooses English")
    void pages_ignore_accept_language() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/login")
                        .header("Accept-Language", "en"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Content-Language", "zh-CN"));
    }
}
