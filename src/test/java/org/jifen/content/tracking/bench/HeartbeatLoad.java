package org.jifen.content.tracking.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Load generator of bench/heartbeat.sh: seeds learners and a video with SQL, signs each learner in through the login
 * form and starts a playback, then sends heartbeats open-loop at {@code users / 15 s} and reports latency
 * percentiles (measured from each beat's scheduled time, so a slow server cannot slow the load down), then a
 * closed loop over many connections for the throughput ceiling.
 *
 * <p>Arguments: base URL, JDBC URL of the embedded PostgreSQL (as its superuser), users, measured seconds.
 */
public final class HeartbeatLoad {

    static final Pattern HIDDEN_CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    static final Pattern META_CSRF = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");
    static final Pattern META_HEADER = Pattern.compile("name=\"_csrf_header\" content=\"([^\"]+)\"");
    static final Pattern SESSION = Pattern.compile("\"session\":\"([^\"]+)\"");
    static final String PASSWORD = "Bench@2026x";
    static final int DURATION = 36_000;

    record Learner(String mobile, String cookie, String csrfHeader, String csrf) {}

    static final class Viewer {
        final Learner learner;
        final String session;
        final long startedNanos;
        long seq;
        double position;

        Viewer(Learner learner, String session, long startedNanos) {
            this.learner = learner;
            this.session = session;
            this.startedNanos = startedNanos;
        }
    }

    private final HttpClient http;
    private final String base;

    HeartbeatLoad(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    public static void main(String[] args) throws Exception {
        var base = args[0];
        var jdbc = args[1];
        int users = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        var load = new HeartbeatLoad(base);
        long t = System.nanoTime();
        long video = seed(jdbc, users);
        System.out.printf("seeded %d learners and video %d in %.1f s%n", users, video, secondsSince(t));
        t = System.nanoTime();
        var viewers = load.startAll(users, video);
        System.out.printf("signed in and started %d playbacks in %.1f s%n", viewers.size(), secondsSince(t));

        double rate = users / 15.0;
        load.openLoop(viewers, rate, 15, null); // warm-up
        var latencies = new long[(int) (rate * seconds) + 16];
        var errors = load.openLoop(viewers, rate, seconds, latencies);
        report("open loop %.0f beats/s for %d s".formatted(rate, seconds), latencies, errors, seconds);
        Arrays.sort(latencies);
        double p99 = percentile(latencies, 0.99);
        System.out.printf("p99 < 50 ms: %s%n", p99 < 50 ? "yes" : "NO");
        System.out.println("the same beats as the server timed them (warm-up included): " + load.serverQuantiles());

        // the same open loop from a lean sender, so that the generator takes less of the two cores
        var raw = new RawBeats(base);
        raw.openLoop(viewers, rate, 10, null); // warm-up
        var rawLatencies = new long[(int) (rate * seconds) + 16];
        var rawErrors = raw.openLoop(viewers, rate, seconds, rawLatencies);
        report(
                "open loop %.0f beats/s for %d s, lean sender".formatted(rate, seconds),
                rawLatencies,
                rawErrors,
                seconds);
        Arrays.sort(rawLatencies);
        System.out.printf("lean sender p99 < 50 ms: %s%n", percentile(rawLatencies, 0.99) < 50 ? "yes" : "NO");

        for (int connections : new int[] {32, 128}) {
            load.closedLoop(viewers, connections, 20);
        }
    }

    static double secondsSince(long nanos) {
        return (System.nanoTime() - nanos) / 1e9;
    }

    /** Learners 1990000000x of 龙岗区/平湖街道 with a cheap bcrypt hash, and a published 10-hour video. */
    static long seed(String jdbcUrl, int users) throws Exception {
        var hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD);
        try (var c = DriverManager.getConnection(jdbcUrl)) {
            try (var s = c.prepareStatement("""
                    insert into account.user_account (mobile, real_name, password_hash, status, created_at, updated_at)
                    select '199' || lpad(g::text, 8, '0'), '压测学员', ?, 'active', now(), now()
                      from generate_series(1, ?) g
                    on conflict (mobile) do nothing""")) {
                s.setString(1, hash);
                s.setInt(2, users);
                s.executeUpdate();
            }
            try (var s = c.prepareStatement("""
                    insert into org.membership (user_id, org_id, root_id, joined_at)
                    select a.id, o.id, o.root_id, now()
                      from account.user_account a, org.organization o
                     where a.mobile like '199%' and o.name = '平湖街道'
                    on conflict do nothing""")) {
                s.executeUpdate();
            }
            try (var s = c.createStatement();
                    var rs = s.executeQuery("""
                    insert into content.item (program_key, kind, title, channel, media_key, media_type, duration_seconds,
                                              publish_at, created_at, updated_at)
                    values ('longgang', 'video', '压测视频', 'bench', 'bench/v.mp4', 'video/mp4', %d,
                            now() - interval '1 hour', now(), now())
                    returning id""".formatted(DURATION))) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    List<Viewer> startAll(int users, long video) throws Exception {
        var viewers = new Viewer[users];
        var gate = new Semaphore(16);
        var failures = new AtomicInteger();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < users; i++) {
                int n = i;
                pool.submit(() -> {
                    gate.acquireUninterruptibly();
                    try {
                        var learner = login("199" + String.format("%08d", n + 1));
                        var answer = post(learner, "/api/v1/content/playbacks", "{\"item\":" + video + "}");
                        var m = SESSION.matcher(answer.body());
                        if (answer.statusCode() != 200 || !m.find()) {
                            throw new IllegalStateException("start: " + answer.statusCode() + " " + answer.body());
                        }
                        viewers[n] = new Viewer(learner, m.group(1), System.nanoTime());
                    } catch (Exception e) {
                        if (failures.incrementAndGet() <= 3) {
                            e.printStackTrace();
                        }
                    } finally {
                        gate.release();
                    }
                    return null;
                });
            }
        }
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " learners could not start");
        }
        return List.of(viewers);
    }

    Learner login(String mobile) throws Exception {
        var page = http.send(
                HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        var cookie = cookie(page);
        var token = find(HIDDEN_CSRF, page.body());
        var form = "mobile=" + mobile + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(token, StandardCharsets.UTF_8);
        var login = http.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Cookie", cookie)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        var location = login.headers().firstValue("Location").orElse("");
        if (location.contains("error") || location.contains("locked")) {
            throw new IllegalStateException("login of " + mobile + " failed: " + location);
        }
        cookie = login.headers().firstValue("Set-Cookie").isPresent() ? cookie(login) : cookie;
        var home = http.send(
                HttpRequest.newBuilder(URI.create(base + "/"))
                        .header("Cookie", cookie)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return new Learner(mobile, cookie, find(META_HEADER, home.body()), find(META_CSRF, home.body()));
    }

    HttpResponse<String> post(Learner l, String path, String json) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Cookie", l.cookie())
                        .header(l.csrfHeader(), l.csrf())
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The server's own quantiles of heartbeat requests (Micrometer, from the start of handling to the response), to
     * tell the time spent in the platform from the time spent waiting for a core in the generator or the kernel.
     */
    String serverQuantiles() throws Exception {
        var text = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        var found = new java.util.TreeMap<String, String>();
        for (var line : text.split("\n")) {
            if (line.startsWith("http_server_requests_seconds{")
                    && line.contains("heartbeats\"")
                    && line.contains("quantile=")
                    && line.contains("status=\"200\"")) {
                var q = line.replaceAll(".*quantile=\"([0-9.]+)\".*", "$1");
                var v = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)) * 1000;
                found.put(q, "p%d %.1f ms".formatted(Math.round(Double.parseDouble(q) * 100), v));
            }
        }
        return found.isEmpty() ? "(no quantiles published)" : String.join(", ", found.values());
    }

    /** The body of a truthful heartbeat: the position the player would have now, the run from the previous beat. */
    static String nextBeat(Viewer v) {
        synchronized (v) {
            double now = Math.min(DURATION, (System.nanoTime() - v.startedNanos) / 1e9);
            v.seq++;
            var body = "{\"seq\":%d,\"from\":%.3f,\"position\":%.3f}".formatted(v.seq, v.position, now);
            v.position = now;
            return body;
        }
    }

    HttpResponse<String> beat(Viewer v) throws Exception {
        return post(v.learner, "/api/v1/content/playbacks/" + v.session + "/heartbeats", nextBeat(v));
    }

    /** Sends one beat of a viewer; answers the HTTP status. */
    interface Sender {
        int send(Viewer v) throws Exception;
    }

    long openLoop(List<Viewer> viewers, double rate, int seconds, long[] out) {
        return openLoop(viewers, rate, seconds, out, v -> beat(v).statusCode());
    }

    /**
     * Beats at a fixed rate, viewer after viewer, each sent by {@code sender} on its own virtual thread; latencies
     * (µs, from each beat's scheduled time) into {@code out} when given; answers the number of errors.
     */
    static long openLoop(List<Viewer> viewers, double rate, int seconds, long[] out, Sender sender) {
        int total = (int) (rate * seconds);
        var errors = new AtomicLong();
        var index = new AtomicInteger();
        long start = System.nanoTime();
        long interval = (long) (1e9 / rate);
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < total; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                var viewer = viewers.get(i % viewers.size());
                pool.submit(() -> {
                    try {
                        if (sender.send(viewer) != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    if (out != null) {
                        out[index.getAndIncrement()] = (System.nanoTime() - due) / 1_000;
                    }
                });
            }
        }
        if (out != null && index.get() < out.length) {
            Arrays.fill(out, index.get(), out.length, -1);
        }
        return errors.get();
    }

    /** As fast as {@code connections} concurrent senders can go, each over its own share of the viewers. */
    void closedLoop(List<Viewer> viewers, int connections, int seconds) {
        var latencies = new ArrayList<long[]>();
        var counts = new int[connections];
        var errors = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < connections; c++) {
                var mine = new long[200_000];
                latencies.add(mine);
                int lane = c;
                pool.submit(() -> {
                    int k = 0;
                    for (int i = lane; System.nanoTime() < end && k < mine.length; i += connections) {
                        var v = viewers.get(i % viewers.size());
                        long t0 = System.nanoTime();
                        try {
                            if (beat(v).statusCode() != 200) {
                                errors.incrementAndGet();
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                        mine[k++] = (System.nanoTime() - t0) / 1_000;
                    }
                    counts[lane] = k;
                    return null;
                });
            }
        }
        int n = Arrays.stream(counts).sum();
        var all = new long[n];
        int at = 0;
        for (int c = 0; c < connections; c++) {
            System.arraycopy(latencies.get(c), 0, all, at, counts[c]);
            at += counts[c];
        }
        report("closed loop, %d connections, %d s".formatted(connections, seconds), all, errors.get(), seconds);
    }

    static void report(String what, long[] micros, long errors, int seconds) {
        var sorted = Arrays.stream(micros).filter(x -> x >= 0).sorted().toArray();
        System.out.printf(
                "%s: %d beats, %.0f/s, errors %d, p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                what,
                sorted.length,
                sorted.length / (double) seconds,
                errors,
                percentile(sorted, 0.50),
                percentile(sorted, 0.90),
                percentile(sorted, 0.99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1000.0);
    }

    static double percentile(long[] sortedMicros, double p) {
        var valid = Arrays.stream(sortedMicros).filter(x -> x >= 0).toArray();
        if (valid.length == 0) {
            return 0;
        }
        return valid[Math.min(valid.length - 1, (int) Math.ceil(p * valid.length) - 1)] / 1000.0;
    }

    static String cookie(HttpResponse<?> r) {
        return r.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no session cookie"));
    }

    static String find(Pattern p, String text) {
        var m = p.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("not found: " + p);
        }
        return m.group(1);
    }
}
