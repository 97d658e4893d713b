package org.jifen.points.ingest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.jifen.account.ApiClients;
import org.jifen.shared.web.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The events endpoint on a port of its own, served by the JDK's HTTP server outside the servlet container, the
 * security filter chain and MVC: for integrations that post many single events, where that stack costs more CPU
 * per request than judging and recording the event (docs/benchmarks.md). Same path, body, API key and answers as
 * {@code POST /api/v1/programs/{program}/events} on the main port; nothing else is served here. Off unless
 * {@code jifen.points.ingest.port} is set (0 picks a free port).
 */
@Component
public class IngestListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IngestListener.class);
    private static final Pattern PATH = Pattern.compile("/api/v1/programs/([a-z0-9][a-z0-9-]{0,59})/events/?");
    private static final int MAX_BODY = 4 * 1024 * 1024;
    private static final String TYPE_BASE = "https://jifen.org/problems/";

    private final EventIngestion ingestion;
    private final ApiClients apiClients;
    private final JsonMapper json;
    private final MessageSource messages;
    private final Integer port;
    private final String address;
    private HttpServer server;
    private ExecutorService executor;

    IngestListener(
            EventIngestion ingestion,
            ApiClients apiClients,
            JsonMapper json,
            MessageSource messages,
            @Value("${jifen.points.ingest.port:#{null}}") Integer port,
            @Value("${jifen.points.ingest.address:${server.address:0.0.0.0}}") String address) {
        this.ingestion = ingestion;
        this.apiClients = apiClients;
        this.json = json;
        this.messages = messages;
        this.port = port;
        this.address = address;
    }

    /** The port listened on, or -1 when the listener is off. */
    public int port() {
        return server == null ? -1 : server.getAddress().getPort();
    }

    @Override
    public void start() {
        if (port == null || port < 0) {
            return;
        }
        try {
            server = HttpServer.create(new InetSocketAddress(address, port), 1024);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen for events on " + address + ":" + port, e);
        }
        executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        log.info(
                "Event ingestion listening on {}:{} (POST /api/v1/programs/<program>/events with X-Api-Key)",
                address,
                port());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(1);
            executor.close();
            server = null;
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    private void handle(HttpExchange exchange) throws IOException {
        // closed after the catch clauses, which answer on it (try-with-resources would close it before them)
        try (exchange) {
            answer(exchange);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        var locale = locale(exchange.getRequestHeaders().getFirst("Accept-Language"));
        try {
            // read the body before answering anything, so that the connection can be kept alive
            var body = read(exchange.getRequestBody());
            var path = PATH.matcher(exchange.getRequestURI().getPath());
            if (!path.matches()) {
                problem(exchange, 404, "not-found", locale);
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().add("Allow", "POST");
                problem(exchange, 405, "method-not-allowed", locale);
                return;
            }
            var type = exchange.getRequestHeaders().getFirst("Content-Type");
            if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
                problem(exchange, 415, "unsupported-media-type", locale);
                return;
            }
            if (apiClients
                    .authenticate(exchange.getRequestHeaders().getFirst("X-Api-Key"))
                    .isEmpty()) {
                problem(exchange, 401, "api-key.invalid", locale);
                return;
            }
            if (body == null) {
                problem(exchange, 413, "events.body-too-large", locale, MAX_BODY / 1024 / 1024);
                return;
            }
            Object parsed;
            try {
                parsed = json.readValue(body, Object.class);
            } catch (JacksonException e) {
                problem(exchange, 400, "malformed-request", locale);
                return;
            }
            var answer = ingestion.ingest(path.group(1), parsed);
            send(exchange, 200, "application/json", json.writeValueAsBytes(answer));
        } catch (Problem p) {
            problem(exchange, p.status(), p.code(), locale, p.args());
        } catch (RuntimeException e) {
            log.error("Event ingestion failed on {}", exchange.getRequestURI().getPath(), e);
            problem(exchange, 500, "internal", locale);
        }
    }

    /** The whole body, or null when it is larger than {@link #MAX_BODY} (then the rest is skipped). */
    private static byte[] read(InputStream in) throws IOException {
        var bytes = in.readNBytes(MAX_BODY + 1);
        if (bytes.length > MAX_BODY) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return null;
        }
        return bytes;
    }

    private void problem(HttpExchange exchange, int status, String code, Locale locale, Object... args)
            throws IOException {
        var body = new LinkedHashMap<String, Object>();
        body.put("type", TYPE_BASE + code);
        body.put("status", status);
        body.put("code", code);
        body.put("detail", messages.getMessage("problem." + code, args, code, locale));
        body.put("instance", exchange.getRequestURI().getPath());
        send(exchange, status, "application/problem+json", json.writeValueAsBytes(body));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type + ";charset=UTF-8");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    /** zh-CN unless the request prefers English, as on the main port. */
    private static Locale locale(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Locale.SIMPLIFIED_CHINESE;
        }
        try {
            var ranges = Locale.LanguageRange.parse(acceptLanguage);
            var best = Locale.lookup(ranges, java.util.List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH));
            return best == null ? Locale.SIMPLIFIED_CHINESE : best;
        } catch (IllegalArgumentException e) {
            return Locale.SIMPLIFIED_CHINESE;
        }
    }
}
