package org.jifen.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.jifen.account.Accounts;
import org.jifen.account.ApiClients;
import org.jifen.points.ingest.IngestListener;
import org.jifen.support.JifenIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The events endpoint on the light ingestion port answers exactly as the main port does (LG-7). */
@JifenIntegrationTest
@Import(TestRulebooks.class)
class IngestListenerIT {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    IngestListener listener;

    @Autowired
    ApiClients clients;

    @Autowired
    Accounts accounts;

    @Autowired
    PointsLedger ledger;

    @Autowired
    JsonMapper json;

    String key;
    String client;

    @BeforeEach
    void key() {
        client = "ingest-it-" + EventsApiIT.IDS.incrementAndGet();
        key = clients.create(client, 1L).key();
    }

    HttpResponse<String> post(String path, String apiKey, String type, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + listener.port() + path))
                .header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        if (type != null) {
            request.header("Content-Type", type);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String body) throws Exception {
        return post(EventsApiIT.URL, key, "application/json", body);
    }

    JsonNode read(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    @Test
    @DisplayName("LG-7.2.1 a single event on the ingestion port earns its points once, retried or not")
    void single_event_once() throws Exception {
        long u = TestAccounts.learner(accounts);
        var body = """
                {"id":"%s","user":%d,"action":"login","at":"2026-03-02T09:00:00+08:00"}""".formatted(EventsApiIT.id(), u);
        var first = post(body);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(read(first).get("points").asInt()).isEqualTo(5);
        assertThat(read(first).get("rules").get(0).get("ruleId").asString()).isEqualTo("daily-login");
        assertThat(read(post(body)).get("points").asInt()).isEqualTo(5);
        assertThat(ledger.balance("longgang", u).lifetime()).isEqualTo(5);
        assertThat(ledger.entries("longgang", u, null, null, 0))
                .singleElement()
                .extracting(LedgerEntry::actorLabel)
                .isEqualTo("api:" + client);
    }

    @Test
    @DisplayName("events of two API clients sent at once share group commits, yet each entry names its own sender")
    void concurrent_clients_name_their_own_entries() throws Exception {
        var other = "ingest-it-" + EventsApiIT.IDS.incrementAndGet();
        var otherKey = clients.create(other, 1L).key();
        var senders = new java.util.HashMap<Long, String>();
        var calls = new ArrayList<Callable<HttpResponse<String>>>();
        for (int i = 0; i < 16; i++) {
            long u = TestAccounts.learner(accounts);
            var mine = i % 2 == 0;
            senders.put(u, "api:" + (mine ? client : other));
            var body = """
                    {"id":"%s","user":%d,"action":"login","at":"2026-03-05T09:00:00+08:00"}""".formatted(EventsApiIT.id(), u);
            calls.add(() -> post(EventsApiIT.URL, mine ? key : otherKey, "application/json", body));
        }
        try (var pool = Executors.newFixedThreadPool(16)) {
            for (var f : pool.invokeAll(calls)) {
                assertThat(f.get().statusCode()).isEqualTo(200);
            }
        }
        senders.forEach((u, sender) -> assertThat(ledger.entries("longgang", u, null, null, 0))
                .as("the entry of user %d", u)
                .singleElement()
                .extracting(LedgerEntry::actorLabel)
                .isEqualTo(sender));
    }

    @Test
    @DisplayName("LG-7.2.3 the same event sent 8 times at once counts once; 8 different reads stop at the cap of 15")
    void concurrent_events_keep_retries_and_caps() throws Exception {
        long u = TestAccounts.learner(accounts);
        var retry = """
                {"id":"%s","user":%d,"action":"article-read","item":"r-1","at":"2026-03-03T09:00:00+08:00"}""".formatted(EventsApiIT.id(), u);
        var calls = new ArrayList<Callable<HttpResponse<String>>>();
        for (int i = 0; i < 8; i++) {
            calls.add(() -> post(retry));
        }
        for (int i = 0; i < 8; i++) {
            var other = """
                    {"id":"%s","user":%d,"action":"article-read","item":"c-%d","at":"2026-03-03T09:00:00+08:00"}""".formatted(EventsApiIT.id(), u, i);
            calls.add(() -> post(other));
        }
        try (var pool = Executors.newFixedThreadPool(16)) {
            for (var f : pool.invokeAll(calls)) {
                assertThat(f.get().statusCode()).isEqualTo(200);
            }
        }
        assertThat(ledger.balance("longgang", u).lifetime()).isEqualTo(15);
    }

    @Test
    @DisplayName(
            "LG-7 requests pipelined on one connection are answered in the order sent, a slow batch before a quick single event")
    void pipelined_answers_keep_their_order() throws Exception {
        long u = TestAccounts.learner(accounts);
        var id = EventsApiIT.id();
        var batch = new StringBuilder("[");
        for (int i = 0; i < 200; i++) {
            batch.append(i == 0 ? "" : ",").append("""
                            {"id":"%s-b%d","user":%d,"action":"article-read","item":"p%d","at":"2026-03-06T09:00:00+08:00"}""".formatted(id, i, u, i));
        }
        batch.append("]");
        var single = """
                {"id":"%s-s","user":%d,"action":"login","at":"2026-03-06T09:00:00+08:00"}""".formatted(id, u);
        var wire = request(batch.toString()) + request(single);
        try (var socket = new java.net.Socket("127.0.0.1", listener.port())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(wire.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            var in = new java.io.DataInputStream(new java.io.BufferedInputStream(socket.getInputStream()));
            var first = json.readTree(readResponse(in));
            var second = json.readTree(readResponse(in));
            assertThat(first.isArray()).isTrue();
            assertThat(first.size()).isEqualTo(200);
            assertThat(second.get("id").asString()).isEqualTo(id + "-s");
            assertThat(second.get("points").asInt()).isEqualTo(5);
        }
    }

    @Test
    @DisplayName(
            "LG-7 more pipelined requests than a connection keeps unanswered: every one answered, in order, and the"
                    + " connection is read again")
    void pipelining_past_the_pending_limit() throws Exception {
        long u = TestAccounts.learner(accounts);
        var id = EventsApiIT.id();
        int count = 3 * IngestListener.MAX_PENDING + 1;
        var wire = new StringBuilder();
        for (int i = 0; i < count; i++) {
            wire.append(request("""
                    {"id":"%s-%d","user":%d,"action":"article-read","item":"q%d","at":"2026-03-07T09:00:00+08:00"}""".formatted(id, i, u, i)));
        }
        try (var socket = new java.net.Socket("127.0.0.1", listener.port())) {
            socket.setSoTimeout(30_000);
            var out = socket.getOutputStream();
            out.write(wire.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            var in = new java.io.DataInputStream(new java.io.BufferedInputStream(socket.getInputStream()));
            int points = 0;
            for (int i = 0; i < count; i++) {
                var answer = json.readTree(readResponse(in));
                assertThat(answer.get("id").asString()).isEqualTo(id + "-" + i);
                points += answer.get("points").asInt();
            }
            assertThat(points).as("the daily cap of article reading").isEqualTo(15);
            out.write(request("""
                    {"id":"%s-after","user":%d,"action":"login","at":"2026-03-07T09:00:00+08:00"}""".formatted(id, u)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(json.readTree(readResponse(in)).get("id").asString()).isEqualTo(id + "-after");
        }
    }

    private String request(String body) {
        return "POST " + EventsApiIT.URL + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "X-Api-Key: " + key + "\r\nContent-Length: "
                + body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    /** The body of the next HTTP/1.1 response on a stream (Content-Length framed). */
    static byte[] readResponse(java.io.DataInputStream in) throws java.io.IOException {
        int length = -1;
        var line = new StringBuilder();
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new java.io.EOFException();
            }
            if (c == '\n') {
                var header = line.toString().strip();
                if (header.isEmpty()) {
                    break;
                }
                if (header.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(header.substring(15).strip());
                }
                line.setLength(0);
            } else {
                line.append((char) c);
            }
        }
        var body = new byte[length];
        in.readFully(body);
        return body;
    }

    @Test
    @DisplayName("LG-7 a batch answers one outcome per event, bad events rejected one by one")
    void batch() throws Exception {
        long u = TestAccounts.learner(accounts);
        var id = EventsApiIT.id();
        var body = """
                [{"id":"%1$s-1","user":%2$d,"action":"login","at":"2026-03-04T09:00:00+08:00"},
                 {"id":"%1$s-2","user":%2$d,"action":"login","at":"yesterday"}]""".formatted(id, u);
        var answer = read(post(body));
        assertThat(answer.size()).isEqualTo(2);
        assertThat(answer.get(0).get("points").asInt()).isEqualTo(5);
        assertThat(answer.get(1).get("reason").asString()).isEqualTo("malformed-time");
        assertThat(ledger.entries("longgang", u, null, null, 0))
                .singleElement()
                .extracting(LedgerEntry::actorLabel)
                .isEqualTo("api:" + client);
    }

    @Test
    @DisplayName("bad requests get a problem with a stable code and record nothing")
    void bad_requests() throws Exception {
        long u = TestAccounts.learner(accounts);
        var good = """
                {"id":"%s","user":%d,"action":"login","at":"2026-03-05T09:00:00+08:00"}""".formatted(EventsApiIT.id(), u);
        var noKey = post(EventsApiIT.URL, null, "application/json", good);
        assertThat(noKey.statusCode()).isEqualTo(401);
        assertThat(read(noKey).get("code").asString()).isEqualTo("api-key.invalid");
        var wrong = key.substring(0, key.length() - 1) + (key.endsWith("0") ? "1" : "0");
        assertThat(post(EventsApiIT.URL, wrong, "application/json", good).statusCode())
                .isEqualTo(401);
        var text = post(EventsApiIT.URL, key, "text/plain", good);
        assertThat(text.statusCode()).isEqualTo(415);
        var malformed = post("{\"id\":");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(read(malformed).get("code").asString()).isEqualTo("malformed-request");
        var unknown = post("/api/v1/programs/nowhere/events", key, "application/json", good);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(read(unknown).get("code").asString()).isEqualTo("program.not-found");
        var many = new StringBuilder("[");
        for (int i = 0; i <= 1000; i++) {
            many.append(i == 0 ? "" : ",").append(good);
        }
        var tooMany = post(many.append("]").toString());
        assertThat(tooMany.statusCode()).isEqualTo(413);
        assertThat(read(tooMany).get("detail").asString()).isEqualTo("At most 1,000 events per request");
        var elsewhere = post("/admin/programs", key, "application/json", good);
        assertThat(elsewhere.statusCode()).isEqualTo(404);
        assertThat(ledger.balance("longgang", u).lifetime()).isZero();
    }
}
