import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Load generator for bench/ingest.sh (run with {@code java bench/Ingest.java <base-url> <users>}): signs in as the
 * demo system admin, creates an API key through the admin page, then posts single events over 50 concurrent
 * connections and batches of 1,000, a fixed count each with a time bound, and prints requests/s and events/s.
 */
public class Ingest {

    static final String ADMIN = "13800000001";
    static final String PASSWORD = "Jifen@2026";
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    static final Pattern KEY = Pattern.compile("id=\"api-client-key\"[^>]*>(jf_[0-9a-f_]+)<");

    public static void main(String[] args) throws Exception {
        var base = args[0];
        int users = Integer.parseInt(args[1]);
        int singles = args.length > 2 ? Integer.parseInt(args[2]) : 20000;
        int batches = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        var session = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        var login = session.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        var csrf = find(CSRF, login.body());
        session.send(form(base + "/login", "mobile=" + ADMIN + "&password=" + PASSWORD + "&_csrf=" + csrf), HttpResponse.BodyHandlers.discarding());
        var page = session.send(HttpRequest.newBuilder(URI.create(base + "/admin/api-clients")).build(), HttpResponse.BodyHandlers.ofString());
        var created = session.send(form(base + "/admin/api-clients", "name=bench&_csrf=" + find(CSRF, page.body())), HttpResponse.BodyHandlers.ofString());
        var key = find(KEY, created.body());

        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        var url = URI.create(base + "/api/v1/programs/longgang/events");
        // warm-up
        run(http, url, key, 50, 2000, 1, users, "warm", Duration.ofSeconds(60));
        var single = run(http, url, key, 50, singles, 1, users, "s", Duration.ofSeconds(120));
        System.out.printf("single: %d requests over 50 connections in %.2f s = %.0f requests/s (%d errors, %d rejected)%n",
                single.done, single.seconds, single.done / single.seconds, single.errors, single.rejected);
        var batch = run(http, url, key, 4, batches, 1000, users, "b", Duration.ofSeconds(120));
        System.out.printf("batch: %d batches of 1000 over 4 connections in %.2f s = %.0f events/s (%d errors, %d rejected)%n",
                batch.done, batch.seconds, batch.done * 1000 / batch.seconds, batch.errors, batch.rejected);
        System.out.printf("RESULT single_rps=%.0f batch_eps=%.0f%n", single.done / single.seconds, batch.done * 1000 / batch.seconds);
    }

    record Result(long done, double seconds, long errors, long rejected) {}

    static Result run(HttpClient http, URI url, String key, int connections, int requests, int perRequest, int users,
            String tag, Duration bound) throws Exception {
        var next = new AtomicInteger();
        var done = new AtomicLong();
        var errors = new AtomicLong();
        var rejected = new AtomicLong();
        var deadline = System.nanoTime() + bound.toNanos();
        var latch = new CountDownLatch(connections);
        long t0 = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            Thread.ofPlatform().start(() -> {
                try {
                    int n;
                    while ((n = next.getAndIncrement()) < requests && System.nanoTime() < deadline) {
                        var body = new StringBuilder(perRequest == 1 ? "" : "[");
                        for (int k = 0; k < perRequest; k++) {
                            long seq = (long) n * perRequest + k;
                            if (k > 0) body.append(',');
                            body.append("{\"id\":\"").append(tag).append('-').append(seq)
                                    .append("\",\"user\":").append(2 + seq % users)
                                    .append(",\"action\":\"article-read\",\"item\":\"").append(tag).append(seq)
                                    .append("\",\"at\":\"2026-06-01T10:00:00+08:00\"}");
                        }
                        if (perRequest > 1) body.append(']');
                        var request = HttpRequest.newBuilder(url)
                                .header("X-Api-Key", key)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                                .build();
                        try {
                            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() != 200) {
                                errors.incrementAndGet();
                            } else {
                                done.incrementAndGet();
                                if (response.body().contains("unknown-user")) rejected.incrementAndGet();
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                    }
                } finally {
                    latch.countDown();
                }
            });
        }
        latch.await();
        return new Result(done.get(), (System.nanoTime() - t0) / 1e9, errors.get(), rejected.get());
    }

    static HttpRequest form(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    static String find(Pattern p, String text) {
        var m = p.matcher(text);
        if (!m.find()) throw new IllegalStateException("not found: " + p + " in " + text.substring(0, Math.min(500, text.length())));
        return m.group(1);
    }
}
