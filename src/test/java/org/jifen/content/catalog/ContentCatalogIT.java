package org.jifen.content.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jifen.account.Role;
import org.jifen.account.SignedInUser;
import org.jifen.org.Organizations;
import org.jifen.rulebook.Rulebooks;
import org.jifen.support.Demo;
import org.jifen.support.JifenIntegrationTest;
import org.jifen.support.MutableClock;
import org.jifen.support.Sessions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

@JifenIntegrationTest
class ContentCatalogIT {

    private static final Path MEDIA_DIR = Path.of("target/it-media");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    Publishing publishing;

    @Autowired
    Rulebooks rulebooks;

    @Autowired
    Catalog catalog;

    @Autowired
    Organizations organizations;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    @DisplayName("an uploaded video is stored with the duration read from it and served to anyone with range requests")
    void upload_store_and_serve_with_ranges() throws Exception {
        var operator = Sessions.login(mvc, Demo.PROGRAM_OPERATOR);
        var webm = bytes("clip-12s.webm");
        var location = mvc.perform(newItem("videos", operator)
                        .file(new MockMultipartFile("video", "named-anything.bin", "application/octet-stream", webm))
                        .file(new MockMultipartFile("cover", "c.png", "image/png", bytes("cover.png")))
                        .param("title", "上传测试视频")
                        .param("channel", "测试"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        var item = catalog.find(id).orElseThrow();
        assertThat(item.kind()).isEqualTo(ItemKind.VIDEO);
        assertThat(item.durationSeconds()).isEqualTo(12);
        assertThat(item.mediaType()).isEqualTo("video/webm");
        assertThat(item.mediaBytes()).isEqualTo(webm.length);
        assertThat(item.mediaKey()).matches("[0-9a-f]{32}\\.webm");
        assertThat(MEDIA_DIR.resolve(item.mediaKey())).hasBinaryContent(webm);

        mvc.perform(get("/media/" + item.mediaKey()).header("Range", "bytes=100-199"))
                .andExpect(status().isPartialContent())
                .andExpect(header().string("Content-Range", "bytes 100-199/" + webm.length))
                .andExpect(header().string("Accept-Ranges", "bytes"))
                .andExpect(content().contentType("video/webm"))
                .andExpect(content().bytes(java.util.Arrays.copyOfRange(webm, 100, 200)));
        mvc.perform(get("/media/" + item.mediaKey()))
                .andExpect(status().isOk())
                .andExpect(header().string("Accept-Ranges", "bytes"))
                .andExpect(content().bytes(webm));
        mvc.perform(get("/media/" + item.coverKey()))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/png"));
        mvc.perform(get("/media/0123456789abcdef0123456789abcdef.webm")).andExpect(status().isNotFound());
        mvc.perform(get("/media/..%2F..%2Fpom.xml")).andExpect(status().is4xxClientError());
        mvc.perform(get("/media/pom.xml")).andExpect(status().isNotFound());
    }

    @Test
    @DisplayName("bad uploads are refused with a clear reason and leave nothing in the media directory or the catalog")
    void bad_uploads_leave_nothing() throws Exception {
        var operator = Sessions.login(mvc, Demo.PROGRAM_OPERATOR);
        var before = mediaFiles();
        var garbage = new byte[5000];
        for (int i = 0; i < garbage.length; i++) {
            garbage[i] = (byte) (i * 37 + 11);
        }
        var truncated = java.util.Arrays.copyOf(bytes("clip-12s.webm"), 60);
        var oversizedCover = new byte[5 * 1024 * 1024 + 1];
        System.arraycopy(bytes("cover.png"), 0, oversizedCover, 0, 1506);
        record Case(MockMultipartFile video, MockMultipartFile cover, String field, String message) {}
        var cases = List.of(
                new Case(video("garbage.mp4", garbage), null, "video", "文件类型不符"),
                new Case(video("cover.webm", bytes("cover.png")), null, "video", "文件类型不符"),
                new Case(video("cut.webm", truncated), null, "video", "无法读取视频时长"),
                new Case(video("empty.mp4", new byte[0]), null, "video", "文件是空的"),
                new Case(
                        video("ok.webm", bytes("clip-12s.webm")),
                        new MockMultipartFile("cover", "big.png", "image/png", oversizedCover),
                        "cover",
                        "文件过大"),
                new Case(
                        video("ok.webm", bytes("clip-12s.webm")),
                        new MockMultipartFile("cover", "clip.png", "image/png", bytes("clip-3s.mp4")),
                        "cover",
                        "文件类型不符"));
        for (var c : cases) {
            var request = newItem("videos", operator)
                    .file(c.video())
                    .param("title", "坏文件")
                    .param("channel", "测试");
            if (c.cover() != null) {
                request.file(c.cover());
            }
            var html = mvc.perform(request)
                    .andExpect(status().isBadRequest())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(html)
                    .as(c.video().getOriginalFilename())
                    .contains("id=\"error-" + c.field() + "\"")
                    .contains(c.message());
            assertThat(mediaFiles()).as(c.video().getOriginalFilename()).isEqualTo(before);
        }
        // a form error is found before any file is stored
        mvc.perform(newItem("videos", operator)
                        .file(video("ok.webm", bytes("clip-12s.webm")))
                        .param("channel", "测试"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("请填写标题")));
        assertThat(mediaFiles()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from content.item where title = '坏文件'")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    @DisplayName("an article is sanitized, edited, unpublished and republished, each change audited; media follow")
    void edit_unpublish_republish_with_audit() throws Exception {
        var operator = Sessions.login(mvc, Demo.PROGRAM_OPERATOR);
        var location = mvc.perform(newItem("articles", operator)
                        .file(new MockMultipartFile("cover", "c.png", "image/png", bytes("cover.png")))
                        .param("title", "编辑测试文章")
                        .param("channel", "测试")
                        .param("tags", "甲, 乙")
                        .param("body", "<p>正文<script>alert(1)</script><a href=\"javascript:x()\">链接</a></p>"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        var item = catalog.find(id).orElseThrow();
        assertThat(item.bodyHtml())
                .doesNotContain("script")
                .doesNotContain("javascript")
                .contains("正文");
        assertThat(item.bodyChars()).isEqualTo("正文链接".length());
        assertThat(item.tags()).containsExactly("甲", "乙");
        var cover = "/media/" + item.coverKey();
        mvc.perform(get(cover)).andExpect(status().isOk());

        mvc.perform(post("/admin/content/longgang/items/" + id)
                        .session(operator)
                        .with(csrf())
                        .param("title", "改过的标题")
                        .param("channel", "测试")
                        .param("body", "<p>新的正文</p>")
                        .param("publishAt", "")
                        .param("unpublishAt", ""))
                .andExpect(status().is3xxRedirection());
        assertThat(catalog.find(id).orElseThrow().title()).isEqualTo("改过的标题");
        assertThat(audit("content.edit", id)).anySatisfy(row -> {
            assertThat(row.get("before_summary").toString()).contains("编辑测试文章");
            assertThat(row.get("after_summary").toString()).contains("改过的标题");
        });

        mvc.perform(post("/admin/content/longgang/items/" + id + "/unpublish")
                        .session(operator)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(catalog.published("longgang", id, clock.instant())).isEmpty();
        assertThat(audit("content.unpublish", id)).hasSize(1);
        mvc.perform(get(cover)).andExpect(status().isNotFound());
        mvc.perform(get(cover).session(Sessions.login(mvc, Demo.LEARNER))).andExpect(status().isNotFound());
        mvc.perform(get(cover).session(operator)).andExpect(status().isOk());
        mvc.perform(get("/admin/content/longgang")
                        .param("status", "unpublished")
                        .session(operator))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"item-" + id + "\"")));

        clock.advance(Duration.ofSeconds(1));
        mvc.perform(post("/admin/content/longgang/items/" + id + "/republish")
                        .session(operator)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(catalog.published("longgang", id, clock.instant())).isPresent();
        assertThat(audit("content.republish", id)).hasSize(1);
        mvc.perform(get(cover)).andExpect(status().isOk());

        // an invalid edit changes nothing
        mvc.perform(post("/admin/content/longgang/items/" + id)
                        .session(operator)
                        .with(csrf())
                        .param("title", "")
                        .param("channel", "测试")
                        .param("body", "<p>x</p>")
                        .param("publishAt", "2026-01-01T08:00")
                        .param("unpublishAt", "2025-01-01T08:00"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("请填写标题")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("下架时间必须晚于发布时间")));
        assertThat(catalog.find(id).orElseThrow().title()).isEqualTo("改过的标题");
    }

    @Test
    @DisplayName("a scheduled item's media are not served before its publish time")
    void scheduled_media_are_hidden() throws Exception {
        var program = rulebooks.program("longgang").orElseThrow();
        var later = clock.instant().plus(Duration.ofDays(2));
        var item = publishing.create(
                program,
                ItemKind.VIDEO,
                new ItemDraft("将来的视频", "测试", List.of(), false, null, null, later, null, List.of()),
                () -> new ByteArrayInputStream(bytes("clip-3s.mp4")),
                null,
                null);
        assertThat(item.durationSeconds()).isEqualTo(3);
        assertThat(item.mediaType()).isEqualTo("video/mp4");
        mvc.perform(get("/media/" + item.mediaKey())).andExpect(status().isNotFound());
        clock.set(later.plusSeconds(1));
        mvc.perform(get("/media/" + item.mediaKey())).andExpect(status().isOk());
    }

    @Test
    @DisplayName("learners and operators of another subtree are refused the operator pages and API (403)")
    void access() throws Exception {
        var learner = Sessions.login(mvc, Demo.LEARNER);
        mvc.perform(get("/admin/content/longgang").session(learner)).andExpect(status().isForbidden());
        mvc.perform(get("/admin/content/longgang/articles/new").session(learner))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/content/longgang/stats").session(learner)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/programs/longgang/content/items").session(learner))
                .andExpect(status().isForbidden());

        var elsewhere = organizations.resolve("省直机关工委").orElseThrow().id();
        var stranger = new SignedInUser(
                999_999,
                "13899999999",
                "外区运营",
                "",
                false,
                true,
                Map.of(Role.PROGRAM_OPERATOR, Set.of(elsewhere)),
                Set.of());
        for (var path : List.of(
                "/admin/content/longgang", "/admin/content/longgang/settings", "/admin/content/longgang/stats.xlsx")) {
            mvc.perform(get(path).with(user(stranger))).andExpect(status().isForbidden());
        }
        mvc.perform(post("/admin/content/longgang/settings")
                        .with(user(stranger))
                        .with(csrf())
                        .param("readingFloorSeconds", "5"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/programs/longgang/content/items").with(user(stranger)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("program.out-of-scope"));
        mvc.perform(get("/admin/content").with(user(stranger)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(
                                org.hamcrest.Matchers.containsString("content-program-longgang"))));

        var operator = Sessions.login(mvc, Demo.PROGRAM_OPERATOR);
        mvc.perform(get("/admin/content").session(operator))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("content-program-longgang")));
        mvc.perform(get("/admin").session(operator))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"card-content\"")));
        mvc.perform(get("/admin").session(Sessions.login(mvc, Demo.AUDITOR)))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("card-content"))));
    }

    @Test
    @DisplayName("stats count views, valid reads, watched minutes and shares per item, sorted, and export to xlsx")
    void stats() throws Exception {
        var operator = Sessions.login(mvc, Demo.PROGRAM_OPERATOR);
        var created = mvc.perform(post("/api/v1/programs/longgang/content/items")
                        .session(operator)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title": "统计文章", "channel": "统计", "tags": ["a"],
                                 "body": "<p>统计<img src=x onerror=alert(1)></p>"}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("article"))
                .andExpect(jsonPath("$.body")
                        .value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("onerror"))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long article = Long.parseLong(created.replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
        var program = rulebooks.program("longgang").orElseThrow();
        long video = publishing
                .create(
                        program,
                        ItemKind.VIDEO,
                        new ItemDraft("统计视频", "统计", List.of(), false, null, null, null, null, List.of()),
                        () -> new ByteArrayInputStream(bytes("clip-12s.webm")),
                        null,
                        null)
                .id();
        var now = java.sql.Timestamp.from(clock.instant());
        for (int i = 0; i < 3; i++) {
            jdbc.sql("""
                            insert into content.reading (id, user_id, item_id, program_key, started_at, last_beat_at,
                                required_seconds, counted_at) values (?, 1, ?, 'longgang', ?, ?, 30, ?)""")
                    .params("stats-r" + i + "-" + article, article, now, now, i < 2 ? now : null)
                    .update();
        }
        for (int i = 0; i < 2; i++) {
            jdbc.sql("""
                            insert into content.playback (id, user_id, item_id, program_key, started_at, last_beat_at)
                            values (?, 1, ?, 'longgang', ?, ?)""").params("stats-p" + i + "-" + video, video, now, now).update();
        }
        jdbc.sql("""
                        insert into content.watched_day (user_id, item_id, day, seconds, credited)
                        values (1, ?, date '2026-03-01', '\\x'::bytea, 90), (2, ?, date '2026-03-02', '\\x'::bytea, 45)""").params(video, video).update();
        for (int i = 0; i < 4; i++) {
            jdbc.sql(
                            "insert into content.share (token, user_id, item_id, program_key, at) values (?, 1, ?, 'longgang', ?)")
                    .params("stats-s" + i + "-" + article, article, now)
                    .update();
        }

        mvc.perform(get("/api/v1/programs/longgang/content/stats").session(operator))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.itemId == " + article + ")].views").value(3))
                .andExpect(
                        jsonPath("$[?(@.itemId == " + article + ")].validReads").value(2))
                .andExpect(jsonPath("$[?(@.itemId == " + article + ")].shares").value(4))
                .andExpect(jsonPath("$[?(@.itemId == " + video + ")].views").value(2))
                .andExpect(jsonPath("$[?(@.itemId == " + video + ")].watchedMinutes")
                        .value(2.3));
        mvc.perform(get("/api/v1/programs/longgang/content/stats")
                        .param("sort", "shares")
                        .session(operator))
                .andExpect(jsonPath("$[0].itemId").value(article));
        mvc.perform(get("/api/v1/programs/longgang/content/stats")
                        .param("sort", "minutes")
                        .session(operator))
                .andExpect(jsonPath("$[0].itemId").value(video));
        mvc.perform(get("/admin/content/longgang/stats").param("sort", "reads").session(operator))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"stats-" + article + "\"")));

        var xlsx = mvc.perform(get("/admin/content/longgang/stats.xlsx")
                        .param("sort", "shares")
                        .session(operator))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(6).getStringCellValue()).isEqualTo("分享");
            assertThat((long) sheet.getRow(1).getCell(0).getNumericCellValue()).isEqualTo(article);
            assertThat(sheet.getRow(1).getCell(6).getNumericCellValue()).isEqualTo(4.0);
        }
    }

    @Test
    @DisplayName("the API names every bad field of a new article and saves nothing; items are listed and read")
    void api() throws Exception {
        var operator = Sessions.login(mvc, Demo.PROGRAM_OPERATOR);
        mvc.perform(post("/api/v1/programs/longgang/content/items")
                        .session(operator)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"\", \"channel\": \"\", \"body\": \"<script>x</script>\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("validation"))
                .andExpect(jsonPath("$.errors[*].field")
                        .value(org.hamcrest.Matchers.containsInAnyOrder("title", "channel", "body")));
        mvc.perform(get("/api/v1/programs/longgang/content/items")
                        .param("kind", "course")
                        .session(operator))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].kind").value("course"));
        long course = jdbc.sql("select min(id) from content.item where program_key = 'longgang' and kind = 'course'")
                .query(Long.class)
                .single();
        mvc.perform(get("/api/v1/programs/longgang/content/items/" + course).session(operator))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.videoIds.length()").value(1));
        mvc.perform(get("/api/v1/programs/longgang/content/items/99999999").session(operator))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("content.item-not-found"));
    }

    @Test
    @DisplayName(
            "settings default to 30 s / 600 chars per minute / 15 s and are saved with audit; bad values are named")
    void settings() throws Exception {
        var operator = Sessions.login(mvc, Demo.PROGRAM_OPERATOR);
        mvc.perform(post("/admin/content/longgang/settings")
                        .session(operator)
                        .with(csrf())
                        .param("readingFloorSeconds", "0")
                        .param("charsPerMinute", "600")
                        .param("heartbeatSeconds", "500"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"error-readingFloorSeconds\"")));
        assertThat(catalog.settings("longgang")).isEqualTo(Settings.DEFAULTS);
        try {
            mvc.perform(post("/admin/content/longgang/settings")
                            .session(operator)
                            .with(csrf())
                            .param("readingFloorSeconds", "45")
                            .param("charsPerMinute", "500")
                            .param("heartbeatSeconds", "10"))
                    .andExpect(status().is3xxRedirection());
            assertThat(catalog.settings("longgang")).isEqualTo(new Settings(45, 500, 10));
            assertThat(jdbc.sql(
                                    "select count(*) from audit.audit_entry where action = 'content.settings' and object_id = 'longgang'")
                            .query(Integer.class)
                            .single())
                    .isPositive();
        } finally {
            jdbc.sql("delete from content.settings where program_key = 'longgang'")
                    .update();
        }
    }

    @Test
    @DisplayName("the demo program has its demo content: 4 articles in 2 channels, 2 videos (one focus), 1 course")
    void demo_content() {
        var items = publishing.list(rulebooks.program("longgang").orElseThrow(), null, null, null).stream()
                .filter(i -> i.createdBy() == null && i.createdAt().isBefore(clock.instant()))
                .toList();
        var articles = items.stream()
                .filter(i -> i.kind() == ItemKind.ARTICLE && i.channel().matches("安全生产|就业服务"))
                .toList();
        assertThat(articles).hasSize(4);
        assertThat(articles).anyMatch(Item::focus);
        var videos = items.stream()
                .filter(i -> i.kind() == ItemKind.VIDEO && i.coverKey() != null)
                .toList();
        assertThat(videos).extracting(Item::durationSeconds).contains(90, 20);
        assertThat(videos)
                .filteredOn(Item::focus)
                .extracting(Item::durationSeconds)
                .containsExactly(20);
        var course = items.stream()
                .filter(i -> i.kind() == ItemKind.COURSE)
                .findFirst()
                .orElseThrow();
        assertThat(catalog.courseVideos(course.id()))
                .singleElement()
                .satisfies(v -> assertThat(catalog.find(v).orElseThrow().durationSeconds())
                        .isEqualTo(90));
    }

    @Test
    @DisplayName("every operator page renders in Chinese and English, with the demo items listed")
    void pages_render() throws Exception {
        var operator = Sessions.login(mvc, Demo.PROGRAM_OPERATOR);
        var course = jdbc.sql("select min(id) from content.item where program_key = 'longgang' and kind = 'course'")
                .query(Long.class)
                .single();
        var video = catalog.courseVideos(course).getFirst();
        var paths = List.of(
                "/admin/content/longgang",
                "/admin/content/longgang?kind=video&status=published&q=%E5%AE%89%E5%85%A8",
                "/admin/content/longgang/articles/new",
                "/admin/content/longgang/videos/new",
                "/admin/content/longgang/courses/new",
                "/admin/content/longgang/items/" + course,
                "/admin/content/longgang/items/" + video,
                "/admin/content/longgang/settings",
                "/admin/content/longgang/stats");
        for (var lang : List.of("zh-CN", "en")) {
            for (var path : paths) {
                var html = mvc.perform(get(path).param("lang", lang).session(operator))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString();
                assertThat(html).as(path).doesNotContain("??");
            }
        }
        mvc.perform(get("/admin/content/longgang/items/" + video).session(operator))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"item-video\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("90")));
        mvc.perform(get("/admin/content/longgang/items/99999999").session(operator))
                .andExpect(status().isNotFound());
    }

    private List<Map<String, Object>> audit(String action, long id) {
        return jdbc.sql("select * from audit.audit_entry where action = ? and object_id = ?")
                .params(action, String.valueOf(id))
                .query()
                .listOfRows();
    }

    private static MockMultipartHttpServletRequestBuilder newItem(String kinds, MockHttpSession session) {
        var request = multipart("/admin/content/longgang/" + kinds + "/new");
        request.session(session).with(csrf());
        return request;
    }

    private static MockMultipartFile video(String name, byte[] content) {
        return new MockMultipartFile("video", name, "video/mp4", content);
    }

    private static Set<String> mediaFiles() throws IOException {
        if (!Files.isDirectory(MEDIA_DIR)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(MEDIA_DIR)) {
            return files.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet());
        }
    }

    private byte[] bytes(String name) {
        try (var in = getClass().getResourceAsStream("/media/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
