package org.jifen.content.tracking;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.jifen.account.Accounts;
import org.jifen.account.NewAccount;
import org.jifen.account.SignedInUser;
import org.jifen.org.Memberships;
import org.jifen.org.Organizations;
import org.jifen.shared.MobileNumber;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Learners of the Longgang program, items inserted with SQL (the catalog is another developer's), API calls. */
final class TrackingFixture {

    private static final AtomicInteger NEXT = new AtomicInteger();

    private final MockMvc mvc;
    private final Accounts accounts;
    private final Memberships memberships;
    private final Organizations organizations;
    private final JdbcClient jdbc;

    TrackingFixture(
            MockMvc mvc, Accounts accounts, Memberships memberships, Organizations organizations, JdbcClient jdbc) {
        this.mvc = mvc;
        this.accounts = accounts;
        this.memberships = memberships;
        this.organizations = organizations;
        this.jdbc = jdbc;
    }

    /** A new learner, member of 龙岗区/平湖街道 (in the Longgang program). */
    SignedInUser learner() {
        var mobile = "1971000" + String.format("%04d", NEXT.incrementAndGet());
        long id = accounts.createActive(
                new NewAccount(MobileNumber.parse(mobile).orElseThrow(), "心跳测试", null, "Jifen@2026"));
        memberships.join(id, organizations.resolve("龙岗区/平湖街道").orElseThrow(), null, false);
        return principal(id, mobile);
    }

    /** An account that belongs to no program. */
    SignedInUser outsider() {
        var mobile = "1972000" + String.format("%04d", NEXT.incrementAndGet());
        long id = accounts.createActive(
                new NewAccount(MobileNumber.parse(mobile).orElseThrow(), "局外人", null, "Jifen@2026"));
        return principal(id, mobile);
    }

    static SignedInUser principal(long id, String mobile) {
        return new SignedInUser(id, mobile, "测试", "{noop}x", false, true, Map.of(), Set.of());
    }

    long video(int seconds, boolean focus, Instant publishAt) {
        return jdbc.sql("""
                        insert into content.item (program_key, kind, title, channel, focus, media_key, media_type,
                                                  duration_seconds, publish_at, created_at, updated_at)
                        values ('longgang', 'video', '测试视频', 'news', ?, 'test/v.mp4', 'video/mp4', ?, ?, ?, ?)
                        returning id""")
                .params(focus, seconds, ts(publishAt), ts(publishAt), ts(publishAt))
                .query(Long.class)
                .single();
    }

    long article(int chars, Instant publishAt) {
        return jdbc.sql("""
                        insert into content.item (program_key, kind, title, channel, body_html, body_chars,
                                                  publish_at, created_at, updated_at)
                        values ('longgang', 'article', '测试文章', 'news', '<p>正文</p>', ?, ?, ?, ?)
                        returning id""")
                .params(chars, ts(publishAt), ts(publishAt), ts(publishAt))
                .query(Long.class)
                .single();
    }

    ResultActions startPlayback(SignedInUser who, long item) throws Exception {
        return mvc.perform(post("/api/v1/content/playbacks")
                .with(user(who))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"item\":" + item + "}"));
    }

    String playback(SignedInUser who, long item) throws Exception {
        var json = startPlayback(who, item).andReturn().getResponse().getContentAsString();
        return com.jayway.jsonpath.JsonPath.read(json, "$.session");
    }

    ResultActions beat(SignedInUser who, String session, long seq, double from, double position) throws Exception {
        return beat(who, session, "{\"seq\":%d,\"from\":%s,\"position\":%s}".formatted(seq, from, position));
    }

    ResultActions beat(SignedInUser who, String session, String body) throws Exception {
        return mvc.perform(post("/api/v1/content/playbacks/" + session + "/heartbeats")
                .with(user(who))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    ResultActions startReading(SignedInUser who, long item) throws Exception {
        return mvc.perform(post("/api/v1/content/readings")
                .with(user(who))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"item\":" + item + "}"));
    }

    String reading(SignedInUser who, long item) throws Exception {
        var json = startReading(who, item).andReturn().getResponse().getContentAsString();
        return com.jayway.jsonpath.JsonPath.read(json, "$.session");
    }

    ResultActions read(SignedInUser who, String session, long seq) throws Exception {
        return mvc.perform(post("/api/v1/content/readings/" + session + "/heartbeats")
                .with(user(who))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"seq\":" + seq + "}"));
    }

    long signals(long userId, String reason) {
        return jdbc.sql("select count(*) from content.rejected_heartbeat where user_id = ? and reason = ?")
                .params(userId, reason)
                .query(Long.class)
                .single();
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.from(i);
    }
}
