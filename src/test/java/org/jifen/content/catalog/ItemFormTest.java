package org.jifen.content.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.jifen.shared.web.Problem.FieldProblem;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ItemFormTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");

    @Test
    @DisplayName("times are entered in the program's time zone; a blank publish time means now")
    void parses_times_in_the_program_zone() {
        var form = new ItemForm("标题", "频道", "安全, 就业，安全", true, "<p>正文</p>", "", "", "2026-03-05T08:30", "");
        var parsed = form.parse(ItemKind.ARTICLE, SHANGHAI, NOW);
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.draft().publishAt()).isEqualTo(NOW);
        assertThat(parsed.draft().unpublishAt()).isEqualTo(Instant.parse("2026-03-05T00:30:00Z"));
        assertThat(parsed.draft().tags()).containsExactly("安全", "就业");
        assertThat(parsed.draft().summary()).isNull();
    }

    @Test
    @DisplayName("every bad field is named: missing title, channel and body, bad time, unpublish before publish")
    void names_each_bad_field() {
        var form =
                new ItemForm(" ", "", "", false, "<script>x</script>", "", "2026-03-05T08:30", "2026-03-01T08:00", "");
        assertThat(fields(form.parse(ItemKind.ARTICLE, SHANGHAI, NOW)))
                .containsExactlyInAnyOrder(
                        "title:content.title-required",
                        "channel:content.channel-required",
                        "body:content.body-required",
                        "unpublishAt:content.unpublish-before-publish");
        var badTime = new ItemForm("t", "c", "", false, "<p>b</p>", "", "next tuesday", "", "");
        assertThat(fields(badTime.parse(ItemKind.ARTICLE, SHANGHAI, NOW)))
                .containsExactly("publishAt:content.time-invalid");
    }

    @Test
    @DisplayName("lengths are limited: title 200, channel 60, summary 500, at most 10 tags of 30 characters")
    void limits_lengths() {
        var form = new ItemForm(
                "题".repeat(201), "c".repeat(61), "a,b,c,d,e,f,g,h,i,j,k", false, null, "s".repeat(501), "", "", "");
        assertThat(fields(form.parse(ItemKind.VIDEO, SHANGHAI, NOW)))
                .containsExactlyInAnyOrder(
                        "title:content.title-too-long",
                        "channel:content.channel-too-long",
                        "tags:content.tags-invalid",
                        "summary:content.summary-too-long");
    }

    @Test
    @DisplayName("a course needs at least one video id, and ids must be numbers")
    void course_videos() {
        var none = new ItemForm("慕课", "安全", "", false, null, "", "", "", " ");
        assertThat(fields(none.parse(ItemKind.COURSE, SHANGHAI, NOW)))
                .containsExactly("videoIds:content.course-videos-required");
        var some = new ItemForm("慕课", "安全", "", false, null, "", "", "", "12, 5，x");
        var parsed = some.parse(ItemKind.COURSE, SHANGHAI, NOW);
        assertThat(parsed.draft().videoIds()).containsExactly(12L, 5L);
        assertThat(fields(parsed)).containsExactly("videoIds:content.course-video-unknown");
    }

    @Test
    @DisplayName("an article needs at least as long as its text takes at the program's speed, never below the floor")
    void required_reading_time() {
        var settings = new Settings(30, 600, 15);
        assertThat(settings.requiredSeconds(100)).isEqualTo(30);
        assertThat(settings.requiredSeconds(1200)).isEqualTo(120);
        assertThat(settings.requiredSeconds(601)).isEqualTo(61);
    }

    private static java.util.List<String> fields(ItemForm.Parsed parsed) {
        return parsed.problems().stream().map(ItemFormTest::text).toList();
    }

    private static String text(FieldProblem p) {
        return p.field() + ":" + p.code();
    }
}
