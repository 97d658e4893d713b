package org.jifen.content.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jifen.account.Accounts;
import org.jifen.account.NewAccount;
import org.jifen.account.SignedInUser;
import org.jifen.org.Memberships;
import org.jifen.org.Organizations;
import org.jifen.shared.MobileNumber;
import org.jifen.support.Demo;
import org.jifen.support.JifenIntegrationTest;
import org.jifen.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The learner's content pages on the whole platform: only a learner of the program sees them, only items published
 * now; search, channels, courses, history, today's progress; shares earn 5 points up to the daily cap of 10
 * (LG-7.2.6) and open a public page that shows the item to anyone and nothing about the sharer.
 */
@JifenIntegrationTest
class LearnPagesIT {

    /** 2026-07-21 10:00 in Shanghai: a day on which no other test shares. */
    private static final Instant MORNING = Instant.parse("2026-07-21T02:00:00Z");

    private static final Instant EARLIER = MORNING.minus(Duration.ofHours(2));

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Memberships memberships;

    @Autowired
    Organizations organizations;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    TestItems items;

    /** Unique in this run, so that searches find only this test's items. */
    String tag;

    @BeforeEach
    void setUp() {
        items = new TestItems(jdbc);
        tag = UUID.randomUUID().toString().substring(0, 8);
        clock.set(MORNING);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private SignedInUser learner(String mobile, String orgPath) {
        var number = MobileNumber.parse(mobile).orElseThrow();
        var id = accounts.findByMobile(number)
                .map(a -> a.id())
                .orElseGet(() -> accounts.createActive(new NewAccount(number, "孙分享", null, Demo.PASSWORD)));
        memberships.join(id, organizations.resolve(orgPath).orElseThrow(), null, false);
        return (SignedInUser) users.loadUserByUsername(mobile);
    }

    private String page(SignedInUser who, String path) throws Exception {
        return mvc.perform(get(path).with(user(who)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private String page(SignedInUser who, String path, String param, String value) throws Exception {
        return mvc.perform(get(path).param(param, value).with(user(who)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private String share(SignedInUser who, long item) throws Exception {
        return mvc.perform(post("/learn/longgang/items/{id}/share", item)
                        .with(user(who))
                        .with(csrf())
                        .header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static String token(String fragment) {
        var m = java.util.regex.Pattern.compile("/s/([A-Za-z0-9_-]+)").matcher(fragment);
        assertThat(m.find()).as("a share link in %s", fragment).isTrue();
        return m.group(1);
    }

    @Test
    @DisplayName(
            "a learner of the program sees published items, focus and courses first; never scheduled or withdrawn ones")
    void home_shows_only_published_items() throws Exception {
        var learner = learner("13912360001", "龙岗区/布吉街道/布吉社区");
        long article = items.article("longgang", "文章" + tag, "政策", false, EARLIER, null);
        long focus = items.video("longgang", "关注" + tag, "要闻", true, 30, EARLIER);
        long course = items.course("longgang", "课程" + tag, "慕课", EARLIER, focus);
        long scheduled = items.article("longgang", "未来" + tag, "政策", false, MORNING.plusSeconds(60), null);
        long withdrawn = items.article("longgang", "下架" + tag, "政策", false, EARLIER, MORNING);
        long elsewhere = items.article("elsewhere", "别处" + tag, "政策", false, EARLIER, null);

        var home = page(learner, "/learn/longgang");
        assertThat(home).contains("id=\"item-" + article + "\"", "文章" + tag, "关注" + tag, "课程" + tag);
        assertThat(home.indexOf("id=\"focus\"")).isLessThan(home.indexOf("id=\"latest\""));
        assertThat(home.substring(home.indexOf("id=\"focus\""), home.indexOf("id=\"courses\"")))
                .contains("关注" + tag);
        assertThat(home).doesNotContain("未来" + tag, "下架" + tag, "别处" + tag);

        page(learner, "/learn/longgang/articles/" + article);
        for (long hidden : new long[] {scheduled, withdrawn}) {
            mvc.perform(get("/learn/longgang/articles/" + hidden).with(user(learner)))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(get("/learn/longgang/articles/" + elsewhere).with(user(learner)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/learn/longgang/videos/" + article).with(user(learner)))
                .andExpect(status().isNotFound());

        clock.set(MORNING.plusSeconds(60));
        assertThat(page(learner, "/learn/longgang/articles/" + scheduled)).contains("未来" + tag);
    }

    @Test
    @DisplayName("a learner of no program of theirs gets 404 on every learn page, as if it did not exist")
    void another_programs_learner_gets_404() throws Exception {
        var outsider = learner("13912360002", "省直机关工委/第一党总支/第一党支部");
        long article = items.article("longgang", "外人" + tag, "政策", false, EARLIER, null);
        for (var path : new String[] {
            "/learn/longgang",
            "/learn/longgang/articles/" + article,
            "/learn/longgang/history",
            "/learn/longgang/progress?kind=article"
        }) {
            mvc.perform(get(path).with(user(outsider))).andExpect(status().isNotFound());
        }
        mvc.perform(post("/learn/longgang/items/{id}/share", article)
                        .with(user(outsider))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/content/items/{id}/shares", article)
                        .with(user(outsider))
                        .with(csrf()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("program.not-found"));
        assertThat(jdbc.sql("select count(*) from content.share where item_id = ?")
                        .params(article)
                        .query(Long.class)
                        .single())
                .isZero();
        mvc.perform(get("/learn/longgang").accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection());
    }

    @Test
    @DisplayName("title search is a case-insensitive substring match, wildcards taken literally; channels filter")
    void search_and_channels() throws Exception {
        var learner = learner("13912360003", "龙岗区/布吉街道/布吉社区");
        long safety = items.article("longgang", "Safety 100% " + tag, "安全" + tag, false, EARLIER, null);
        long course = items.course("longgang", "SAFETY course " + tag, "安全" + tag, EARLIER);
        long other = items.article("longgang", "Other " + tag, "其他" + tag, false, EARLIER, null);

        var found = page(learner, "/learn/longgang", "q", "safety");
        assertThat(found).contains("id=\"item-" + safety + "\"", "id=\"item-" + course + "\"");
        var exact = page(learner, "/learn/longgang", "q", "y 100% " + tag);
        assertThat(exact).contains("id=\"item-" + safety + "\"").doesNotContain("id=\"item-" + course + "\"");
        assertThat(page(learner, "/learn/longgang", "q", "100_ " + tag)).contains("id=\"items-none\"");

        var channel = page(learner, "/learn/longgang", "channel", "其他" + tag);
        assertThat(channel).contains("id=\"item-" + other + "\"").doesNotContain("id=\"item-" + safety + "\"");
        assertThat(page(learner, "/learn/longgang")).contains("其他" + tag, "安全" + tag);
    }

    @Test
    @DisplayName("a course lists its published videos in order; its video page links to the next one")
    void course_and_next_video() throws Exception {
        var learner = learner("13912360004", "龙岗区/布吉街道/布吉社区");
        long first = items.video("longgang", "第一讲" + tag, "慕课", false, 60, EARLIER);
        long hidden = items.video("longgang", "未发布" + tag, "慕课", false, 60, MORNING.plusSeconds(3600));
        long second = items.video("longgang", "第二讲" + tag, "慕课", true, 90, EARLIER);
        long course = items.course("longgang", "课程" + tag, "慕课", EARLIER, first, hidden, second);

        var page = page(learner, "/learn/longgang/courses/" + course);
        assertThat(page.indexOf("第一讲" + tag)).isPositive().isLessThan(page.indexOf("第二讲" + tag));
        assertThat(page).doesNotContain("未发布" + tag).contains("/learn/longgang/videos/" + first + "?course=" + course);

        var video = page(learner, "/learn/longgang/videos/" + first + "?course=" + course);
        assertThat(video)
                .contains("id=\"next-video\"", "/learn/longgang/videos/" + second + "?course=" + course)
                .contains("data-playback-item=\"" + first + "\"", "data-program=\"longgang\"")
                .contains("src=\"/media/" + items.mediaKey(first) + "\"")
                .contains("id=\"progress-video-watch\"", "观看慕课视频（累计每分钟） 今日 0/20 分，还可得 20 分")
                .doesNotContain("id=\"focus-notice\"", "id=\"progress-focus-video-watch\"");
        var focus = page(learner, "/learn/longgang/videos/" + second + "?course=" + course);
        assertThat(focus)
                .contains("id=\"focus-notice\"", "80%", "id=\"progress-focus-video-watch\"")
                .doesNotContain("id=\"next-video\"");
    }

    @Test
    @DisplayName("an article page carries the reading hook and today's progress of 阅读文章")
    void article_page() throws Exception {
        var learner = learner("13912360005", "龙岗区/布吉街道/布吉社区");
        long article = items.article("longgang", "阅读" + tag, "政策", false, EARLIER, null);
        var page = page(learner, "/learn/longgang/articles/" + article);
        assertThat(page)
                .contains("<article id=\"article-body\"", "data-reading-item=\"" + article + "\"")
                .contains("<p>正文：阅读" + tag + "</p>")
                .contains("<p id=\"tracking-status\"", "data-tracking-status")
                .containsPattern("src=\"/js/tracking-[0-9a-f]{32}\\.js\"")
                .contains("id=\"progress-article-read\"", "阅读文章 今日 0/15 分，还可得 15 分")
                .contains("id=\"progress-share\"", "hx-trigger=\"jifen:credited from:body\"");
        assertThat(page(learner, "/learn/longgang/progress?kind=article"))
                .contains("id=\"progress-box-article\"", "阅读文章 今日 0/15 分");
    }

    @Test
    @DisplayName("the history lists what the learner read and watched, newest first, with counted and verified seconds")
    void history() throws Exception {
        var learner = learner("13912360006", "龙岗区/布吉街道/布吉社区");
        long article = items.article("longgang", "读过" + tag, "政策", false, EARLIER, null);
        long video = items.video("longgang", "看过" + tag, "要闻", true, 60, EARLIER);
        jdbc.sql("""
                        insert into content.reading (id, user_id, item_id, program_key, started_at, last_beat_at,
                            beats, credited_seconds, required_seconds, counted_at)
                        values (?, ?, ?, 'longgang', ?, ?, 3, 45.5, 30, ?)""")
                .params("r-" + tag, learner.id(), article, ts(EARLIER), ts(EARLIER), ts(EARLIER))
                .update();
        jdbc.sql("""
                        insert into content.playback (id, user_id, item_id, program_key, started_at, last_beat_at,
                            verified_seconds)
                        values (?, ?, ?, 'longgang', ?, ?, 42)""")
                .params("p-" + tag, learner.id(), video, ts(EARLIER.plusSeconds(600)), ts(EARLIER.plusSeconds(600)))
                .update();

        var page = page(learner, "/learn/longgang/history");
        assertThat(page.indexOf("看过" + tag)).isPositive().isLessThan(page.indexOf("读过" + tag));
        assertThat(page).contains("有效时长 45 秒", "已计为有效阅读", "有效时长 42 秒", "2026-07-21 08:10");
        var stranger = learner("13912360007", "龙岗区/布吉街道/布吉社区");
        assertThat(page(stranger, "/learn/longgang/history"))
                .contains("id=\"history-none\"")
                .doesNotContain(tag);
    }

    @Test
    @DisplayName("LG-7.2.6 a share creates its row and earns 5; the 3rd share of a day is cut by the 10-point cap")
    void shares_earn_until_the_daily_cap() throws Exception {
        var learner = learner("13912360008", "龙岗区/布吉街道/布吉社区");
        long article = items.article("longgang", "分享" + tag, "政策", false, EARLIER, null);
        long video = items.video("longgang", "视频" + tag, "要闻", false, 60, EARLIER);

        var first = share(learner, article);
        assertThat(first).contains("分享成功，+5 积分", "http://localhost/s/", "id=\"share-copy\"");
        var token = token(first);
        assertThat(token).hasSizeGreaterThanOrEqualTo(16);
        var row = jdbc.sql("select user_id, item_id, program_key, at, opened from content.share where token = ?")
                .params(token)
                .query()
                .singleRow();
        assertThat(row)
                .containsEntry("user_id", learner.id())
                .containsEntry("item_id", article)
                .containsEntry("program_key", "longgang")
                .containsEntry("opened", 0);
        assertThat(((Timestamp) row.get("at")).toInstant()).isEqualTo(MORNING);

        mvc.perform(post("/learn/longgang/items/{id}/share", video)
                        .with(user(learner))
                        .with(csrf())
                        .header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Trigger", "jifen:credited"));

        mvc.perform(post("/api/v1/content/items/{id}/shares", article)
                        .with(user(learner))
                        .with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.url").value(org.hamcrest.Matchers.startsWith("http://localhost/s/")))
                .andExpect(jsonPath("$.points").value(0))
                .andExpect(jsonPath("$.reason").value("cap-reached"));
        assertThat(share(learner, video)).contains("本次未获得积分：今日分享积分已达上限");

        assertThat(jdbc.sql("select count(*) from content.share where user_id = ?")
                        .params(learner.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(4);
        assertThat(page(learner, "/learn/longgang/progress?kind=share"))
                .contains("id=\"progress-share\"", "分享文章或视频 今日 10/10 分，今日已达上限");
        assertThat(page(learner, "/points/longgang")).contains("id=\"to-learn\"");
    }

    @Test
    @DisplayName("courses cannot be shared, and a share without CSRF token or of an unknown item changes nothing")
    void bad_shares_change_nothing() throws Exception {
        var learner = learner("13912360009", "龙岗区/布吉街道/布吉社区");
        long course = items.course("longgang", "课" + tag, "慕课", EARLIER);
        long article = items.article("longgang", "文" + tag, "政策", false, EARLIER, null);
        mvc.perform(post("/learn/longgang/items/{id}/share", course)
                        .with(user(learner))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/learn/longgang/items/{id}/share", 999_999_999L)
                        .with(user(learner))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/learn/longgang/items/{id}/share", article).with(user(learner)))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from content.share where user_id = ?")
                        .params(learner.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    @DisplayName("LG-7.2.6 the public page shows the shared item anonymously, without tracking or the sharer; else 404")
    void public_page() throws Exception {
        var learner = learner("13912360010", "龙岗区/布吉街道/布吉社区");
        long article = items.article("longgang", "公开" + tag, "政策", false, EARLIER, null);
        long video = items.video("longgang", "公开视频" + tag, "要闻", true, 60, EARLIER);
        var articleToken = token(share(learner, article));
        var videoToken = token(share(learner, video));

        var shown = mvc.perform(get("/s/" + articleToken))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(shown)
                .contains("<p>正文：公开" + tag + "</p>", "龙岗第一课学习积分", "href=\"/signup\"")
                .contains("<meta property=\"og:title\" content=\"公开" + tag + "\"")
                .contains("og:url\" content=\"http://localhost/s/" + articleToken + "\"")
                .doesNotContain("孙分享", "13912360010", "139****0010", "data-reading-item", "tracking.js");
        var player = mvc.perform(get("/s/" + videoToken))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(player)
                .contains("id=\"shared-player\"", "src=\"/media/" + items.mediaKey(video) + "\"")
                .doesNotContain("data-playback-item", "tracking.js", "孙分享", "13912360010");
        assertThat(jdbc.sql("select opened from content.share where token = ?")
                        .params(articleToken)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        mvc.perform(get("/s/no-such-token")).andExpect(status().isNotFound());
        jdbc.sql("update content.item set unpublish_at = ? where id = ?")
                .params(ts(MORNING), article)
                .update();
        mvc.perform(get("/s/" + articleToken)).andExpect(status().isNotFound());
        assertThat(jdbc.sql("select opened from content.share where token = ?")
                        .params(articleToken)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
