package org.jifen.rulebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import org.jifen.account.SignedInUser;
import org.jifen.org.Organizations;
import org.jifen.shared.web.Problem;
import org.jifen.support.Demo;
import org.jifen.support.JifenIntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@JifenIntegrationTest
@DisplayName("LG-18 LG-20 programs, rulebook versions, activation and notices")
class RulebookVersionsIT {

    @Autowired
    Rulebooks rulebooks;

    @Autowired
    ProgramRulebooks programs;

    @Autowired
    RulebookEditing editing;

    @Autowired
    Organizations organizations;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    private SignedInUser signedIn(String mobile) {
        return (SignedInUser) users.loadUserByUsername(mobile);
    }

    private RequestPostProcessor as(String mobile) {
        return user(users.loadUserByUsername(mobile));
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private long orgId(String path) {
        return organizations.resolve(path).orElseThrow().id();
    }

    private static Instant at(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }

    static String yaml(String from, String until, int articleCap) {
        return ArticleRulebook.yaml(from, until, articleCap, true);
    }

    private Program newProgram(String key) {
        return editing.createProgram(key, "测试活动 " + key, orgId("龙岗区"), null, signedIn(Demo.PROGRAM_OPERATOR));
    }

    @Test
    @DisplayName("LG-7 the demo runs program longgang with the preset active as version 1")
    void demo_program_longgang() {
        var program = rulebooks.program("longgang").orElseThrow();
        assertThat(program.name()).isEqualTo("龙岗第一课学习积分");
        assertThat(program.orgId()).isEqualTo(orgId("龙岗区"));
        var inForce =
                rulebooks.inForce("longgang", at("2026-03-01T10:00:00+08:00")).orElseThrow();
        assertThat(inForce.version()).isEqualTo(1);
        assertThat(inForce.active()).isTrue();
        assertThat(inForce.rulebook()).isEqualTo(Presets.load("longgang"));
        assertThat(inForce.rulebook().rule("article-read").orElseThrow().limits())
                .contains(new Limit.DailyCap(15), new Limit.OncePerItem());
        assertThat(inForce.rulebook().rules())
                .extracting(PointsRule::clause)
                .contains("LG-7.1", "LG-7.2.1", "LG-7.2.2", "LG-7.2.3", "LG-7.2.4", "LG-7.2.5", "LG-7.2.6");
        assertThat(rulebooks.programsFor(orgId("龙岗区/平湖街道/山厦社区")))
                .extracting(Program::key)
                .contains("longgang");
        assertThat(rulebooks.programsFor(orgId("龙岗区政务服务数据管理局")))
                .extracting(Program::key)
                .doesNotContain("longgang");
        assertThat(rulebooks
                        .notices("longgang", Locale.SIMPLIFIED_CHINESE)
                        .getLast()
                        .title())
                .isEqualTo("龙岗第一课学习积分：积分规则第 1 版自 2026-01-01 00:00 起施行");
    }

    @Test
    @DisplayName("LG-18 a bad upload returns every problem with its path and stores nothing")
    void bad_upload_stores_nothing() {
        var program = newProgram("lg18-bad");
        var bad = """
                name: 测试规则
                effectiveFrom: 2026-13-01
                rules:
                  - id: article-read
                    action: article-read
                    points: 5
                    dailyCap: 12
                  - id: Share
                    action: share
                    points: -5
                """;
        var upload = editing.upload(program.key(), bad, signedIn(Demo.PROGRAM_OPERATOR));
        assertThat(upload.valid()).isFalse();
        assertThat(upload.problems())
                .extracting(RulebookProblem::path)
                .contains("effectiveFrom", "rules[0].dailyCap", "rules[1].id", "rules[1].points");
        assertThat(count("select count(*) from rulebook.rulebook_version where program_id = ?", program.id()))
                .isZero();
        assertThat(rulebooks.versions(program.key())).isEmpty();
    }

    @Test
    @DisplayName("LG-18 a good upload is a draft; activating it publishes a notice with the diff, audited")
    void upload_and_activate() {
        var program = newProgram("lg18-good");
        var operator = signedIn(Demo.PROGRAM_OPERATOR);
        var v1 = editing.upload(program.key(), yaml("2026-01-01T00:00:00+08:00", null, 15), operator);
        assertThat(v1.valid()).isTrue();
        assertThat(v1.version()).isEqualTo(1);
        assertThat(rulebooks.versions(program.key()))
                .singleElement()
                .satisfies(v -> assertThat(v.status()).isEqualTo("draft"));
        assertThat(rulebooks.inForce(program.key(), at("2026-03-01T00:00:00+08:00")))
                .isEmpty();
        editing.activate(program.key(), 1, null, operator);

        var v2 = editing.upload(program.key(), yaml("2026-06-01T00:00:00+08:00", null, 20), operator);
        assertThat(v2.version()).isEqualTo(2);
        long audits = count("select count(*) from audit.audit_entry where action = 'rulebook.activate'");
        var activated = editing.activate(program.key(), 2, "提高阅读上限", operator);
        assertThat(activated.status()).isEqualTo("active");
        assertThat(activated.activatedAt()).isNotNull();
        assertThat(activated.activatedBy()).isEqualTo(operator.id());

        var notice = rulebooks.notices(program.key(), Locale.SIMPLIFIED_CHINESE).getFirst();
        assertThat(notice.version()).isEqualTo(2);
        assertThat(notice.title()).contains("第 2 版").contains("2026-06-01 00:00");
        assertThat(notice.body())
                .contains("生效时间：2026-01-01T00:00+08:00 → 2026-06-01T00:00+08:00")
                .contains("规则“阅读文章”：每日上限 15 → 20")
                .contains("调整说明：提高阅读上限");
        assertThat(count("select count(*) from audit.audit_entry where action = 'rulebook.activate'"))
                .isEqualTo(audits + 1);
        assertThat(count(
                        "select count(*) from audit.audit_entry where action = 'rulebook.activate'"
                                + " and object_id = ? and reason = ?",
                        program.key() + "/v2",
                        "提高阅读上限"))
                .isEqualTo(1);
    }

    private String page(String mobile, String path, String lang) throws Exception {
        var request = get(path).with(as(mobile));
        if (lang != null) {
            request.param("lang", lang);
        }
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("LG-18 the program page compares each version with the active one before it, as its notice did,"
            + " not with a withdrawn draft")
    void diff_links_skip_withdrawn_drafts() throws Exception {
        var program = newProgram("lg18-diff");
        var operator = signedIn(Demo.PROGRAM_OPERATOR);
        editing.upload(program.key(), yaml("2026-01-01T00:00:00+08:00", null, 15), operator);
        editing.activate(program.key(), 1, null, operator);
        editing.upload(program.key(), yaml("2026-03-01T00:00:00+08:00", null, 20), operator);
        editing.upload(program.key(), yaml("2026-06-01T00:00:00+08:00", null, 25), operator);
        editing.activate(program.key(), 3, null, operator); // withdraws draft 2

        var page = page(Demo.PROGRAM_OPERATOR, "/admin/programs/" + program.key(), null);
        var link = "id=\"diff-%d\"\\s+href=\"/admin/programs/" + program.key() + "/diff\\?from=%d&amp;to=%d\"";
        assertThat(page)
                .contains("id=\"status-2\"", "已作废")
                .containsPattern(link.formatted(3, 1, 3))
                .containsPattern(link.formatted(2, 1, 2))
                .doesNotContain("id=\"diff-1\"");
        assertThat(rulebooks
                        .notices(program.key(), Locale.SIMPLIFIED_CHINESE)
                        .getFirst()
                        .previousVersion())
                .isEqualTo(1);
    }

    @Test
    @DisplayName("LG-18 a learner reads the same notice in Chinese by default and in English when they chose English")
    void notice_in_the_readers_language() throws Exception {
        var program = newProgram("lg18-lang");
        var operator = signedIn(Demo.PROGRAM_OPERATOR);
        editing.upload(program.key(), yaml("2026-01-01T00:00:00+08:00", null, 15), operator);
        editing.activate(program.key(), 1, null, operator);
        editing.upload(program.key(), yaml("2026-06-01T00:00:00+08:00", "2029-01-01T00:00:00+08:00", 20), operator);
        editing.activate(program.key(), 2, "提高阅读上限", operator);
        var path = "/programs/" + program.key() + "/notices";

        var chinese = page(Demo.LEARNER, path, null);
        assertThat(chinese)
                .contains("测试活动 lg18-lang：积分规则第 2 版自 2026-06-01 00:00 起施行")
                .contains("与第 1 版相比有以下变化")
                .contains("规则“阅读文章”：每日上限 15 → 20")
                .contains("本版规则有效期至 2029-01-01 00:00。")
                .contains("调整说明：提高阅读上限")
                .contains("积分规则第 1 版自 2026-01-01 00:00 起施行，内容如下：")
                .doesNotContain("Daily cap", "in force from", "Reason:");
        assertThat(page(Demo.LEARNER, path, "zh-CN"))
                .contains("规则“阅读文章”：每日上限 15 → 20")
                .doesNotContain("Daily cap");

        var english = page(Demo.LEARNER, path, "en");
        assertThat(english)
                .contains("测试活动 lg18-lang: rulebook version 2 in force from 2026-06-01 00:00")
                .contains("Rulebook version 2 is in force from 2026-06-01 00:00; changes against version 1:")
                .contains("Daily cap 15 → 20")
                .contains("This version is valid until 2029-01-01 00:00.")
                .contains("Reason: 提高阅读上限")
                .contains("Rulebook version 1 is in force from 2026-01-01 00:00:")
                .doesNotContain("起施行", "每日上限", "调整说明", "有效期至");
        assertThat(english.indexOf("notice-0")).isLessThan(english.indexOf("notice-1"));
        assertThat(english.substring(english.indexOf("notice-0"), english.indexOf("notice-1")))
                .contains("version 2");

        // What was published stays as it was said, in Chinese: the same words as the Chinese reader sees.
        var stored = jdbc.sql("select title, body, previous_version from rulebook.notice"
                        + " where program_id = ? and version = 2")
                .param(program.id())
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .single();
        var shown = rulebooks.notices(program.key(), Locale.SIMPLIFIED_CHINESE).getFirst();
        assertThat(stored).containsExactly(shown.title(), shown.body(), "1");
        assertThat(rulebooks.notices(program.key(), Locale.ENGLISH).getLast().previousVersion())
                .isNull();
    }

    @Test
    @DisplayName("LG-18 an active version cannot be changed: not by the service, not by SQL")
    void active_version_is_immutable() {
        var program = newProgram("lg18-frozen");
        var operator = signedIn(Demo.PROGRAM_OPERATOR);
        editing.upload(program.key(), yaml("2026-01-01T00:00:00+08:00", null, 15), operator);
        editing.activate(program.key(), 1, null, operator);

        assertThatThrownBy(() -> editing.activate(program.key(), 1, null, operator))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("rulebook.not-draft"));
        assertThatThrownBy(() -> jdbc.sql("update rulebook.rulebook_version set document = '{}'::jsonb"
                                + " where program_id = ? and version = 1")
                        .param(program.id())
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("is active and cannot be changed");
        assertThatThrownBy(() -> jdbc.sql("delete from rulebook.rulebook_version where program_id = ?")
                        .param(program.id())
                        .update())
                .isInstanceOf(DataAccessException.class);
        assertThat(programs.storedVersion(program, 1)
                        .rulebook()
                        .rule("article-read")
                        .orElseThrow()
                        .limits())
                .contains(new Limit.DailyCap(15));
    }

    @Test
    @DisplayName("LG-20 events are judged by the version in force at their time, and by none outside validity")
    void in_force_by_effective_time() {
        var program = newProgram("lg20-times");
        var operator = signedIn(Demo.PROGRAM_OPERATOR);
        editing.upload(program.key(), yaml("2026-01-01T00:00:00+08:00", "2029-01-01T00:00:00+08:00", 15), operator);
        editing.activate(program.key(), 1, null, operator);
        editing.upload(program.key(), yaml("2026-06-01T00:00:00+08:00", "2029-01-01T00:00:00+08:00", 20), operator);
        editing.activate(program.key(), 2, null, operator);

        assertThat(rulebooks.inForce(program.key(), at("2026-05-31T23:59:59+08:00")))
                .map(RulebookVersion::version)
                .contains(1);
        assertThat(rulebooks.inForce(program.key(), at("2026-05-31T16:00:00Z")))
                .map(RulebookVersion::version)
                .contains(2);
        assertThat(rulebooks.inForce(program.key(), at("2026-06-01T00:00:00+08:00")))
                .map(RulebookVersion::version)
                .contains(2);
        assertThat(rulebooks.inForce(program.key(), at("2025-12-31T23:59:59+08:00")))
                .isEmpty();
        assertThat(rulebooks.inForce(program.key(), at("2028-12-31T23:59:59+08:00")))
                .map(RulebookVersion::version)
                .contains(2);
        assertThat(rulebooks.inForce(program.key(), at("2029-01-01T00:00:00+08:00")))
                .isEmpty();
        assertThat(rulebooks.inForce("no-such-program", at("2026-06-01T00:00:00+08:00")))
                .isEmpty();
    }

    @Test
    @DisplayName("LG-18 an operator outside the program's organization gets 403")
    void operator_out_of_scope() throws Exception {
        var bureau = orgId("龙岗区政务服务数据管理局");
        editing.createProgram("bc-scope", "学分测试", bureau, null, signedIn(Demo.SYSTEM_ADMIN));
        var operator = signedIn(Demo.PROGRAM_OPERATOR);
        assertThatThrownBy(() -> editing.upload("bc-scope", yaml("2026-01-01T00:00:00+08:00", null, 15), operator))
                .isInstanceOfSatisfying(
                        Problem.class, p -> assertThat(p.status()).isEqualTo(403));
        assertThatThrownBy(() -> editing.createProgram("bc-other", "学分", bureau, null, operator))
                .isInstanceOfSatisfying(
                        Problem.class, p -> assertThat(p.status()).isEqualTo(403));
        mvc.perform(get("/admin/programs/bc-scope").with(as(Demo.PROGRAM_OPERATOR)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/programs/bc-scope/rulebook")
                        .contentType("application/yaml")
                        .content(yaml("2026-01-01T00:00:00+08:00", null, 15))
                        .with(csrf())
                        .with(as(Demo.PROGRAM_OPERATOR)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("rulebook.out-of-scope"));
        mvc.perform(get("/admin/programs/bc-scope").with(as(Demo.SYSTEM_ADMIN))).andExpect(status().isOk());
        mvc.perform(get("/admin/programs").with(as(Demo.LEARNER))).andExpect(status().isForbidden());
    }

    @Test
    @DisplayName("LG-18 the REST API: 422 with every problem, 201 draft, activation, the rulebook in force as JSON")
    void rest_api() throws Exception {
        newProgram("lg18-api");
        mvc.perform(post("/api/v1/programs/lg18-api/rulebook")
                        .contentType("text/yaml")
                        .content("name: x\nrules: []\nbogus: 1\n")
                        .with(csrf())
                        .with(as(Demo.PROGRAM_OPERATOR)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("rulebook.invalid"))
                .andExpect(
                        jsonPath("$.errors[?(@.path == 'effectiveFrom')].code").value("required"))
                .andExpect(jsonPath("$.errors[?(@.path == 'rules')].code").value("rules-missing"))
                .andExpect(jsonPath("$.errors[?(@.path == 'bogus')].code").value("unknown-key"));
        mvc.perform(post("/api/v1/programs/lg18-api/rulebook")
                        .contentType("application/yaml")
                        .content(yaml("2026-01-01T00:00:00+08:00", null, 15))
                        .with(csrf())
                        .with(as(Demo.PROGRAM_OPERATOR)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/programs/lg18-api/rulebook?version=1"))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.status").value("draft"));
        mvc.perform(get("/api/v1/programs/lg18-api/rulebook").with(as(Demo.LEARNER)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/programs/lg18-api/rulebook/1/activate")
                        .with(csrf())
                        .with(as(Demo.PROGRAM_OPERATOR)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("active"));
        mvc.perform(get("/api/v1/programs/lg18-api/rulebook").with(as(Demo.LEARNER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.rulebook.rules[0].dailyCap").value(15));
        mvc.perform(get("/api/v1/programs/longgang").with(as(Demo.LEARNER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("龙岗第一课学习积分"))
                .andExpect(jsonPath("$.timeZone").value("Asia/Shanghai"));
        mvc.perform(get("/api/v1/programs").with(as(Demo.LEARNER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.key == 'longgang')].name").value("龙岗第一课学习积分"));
    }
}
