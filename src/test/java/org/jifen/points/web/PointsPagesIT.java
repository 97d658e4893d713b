package org.jifen.points.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.jifen.account.Accounts;
import org.jifen.account.NewAccount;
import org.jifen.account.Role;
import org.jifen.account.SignedInUser;
import org.jifen.org.Memberships;
import org.jifen.org.Organizations;
import org.jifen.shared.MobileNumber;
import org.jifen.support.Demo;
import org.jifen.support.JifenIntegrationTest;
import org.jifen.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The points pages on the whole platform: a learner acts through the demo page and sees balances, progress and
 * history (LG-6, LG-7.x); the program's operator sees every entry explained, adjusts with a reason that the learner
 * then reads, and is audited (LG-16); staff outside the program's scope are refused; the dashboard adds up the rules.
 */
@JifenIntegrationTest
class PointsPagesIT {

    /** 2026-06-10 10:00 in Shanghai, inside the Longgang rulebook's validity (LG-20). */
    private static final Instant MORNING = Instant.parse("2026-06-10T02:00:00Z");

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

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A learner of its own for each test, so that no test sees another's points. */
    private SignedInUser learner(String mobile, String orgPath) {
        var number = MobileNumber.parse(mobile).orElseThrow();
        var id = accounts.findByMobile(number)
                .map(a -> a.id())
                .orElseGet(() -> accounts.createActive(new NewAccount(number, "钱学员", null, Demo.PASSWORD)));
        memberships.join(id, organizations.resolve(orgPath).orElseThrow(), null, false);
        return (SignedInUser) users.loadUserByUsername(mobile);
    }

    private SignedInUser staff(String mobile) {
        return (SignedInUser) users.loadUserByUsername(mobile);
    }

    private String emit(SignedInUser learner, String action, Map<String, String> params) throws Exception {
        var request = post("/points/longgang/try")
                .with(user(learner))
                .with(csrf())
                .header("HX-Request", "true")
                .param("action", action);
        params.forEach(request::param);
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private String page(SignedInUser who, String path) throws Exception {
        return mvc.perform(get(path).with(user(who)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName(
            "LG-6 LG-7.2.1 LG-7.2.3 the learner sees both balances and today's progress after acting on the demo page")
    void learner_sees_balances_and_progress() throws Exception {
        clock.set(MORNING);
        var learner = learner("13700000711", "龙岗区/布吉街道/布吉社区");

        assertThat(emit(learner, "article-read", Map.of("item", "a-1"))).contains("+5 积分");
        assertThat(emit(learner, "article-read", Map.of("item", "a-1"))).contains("已获得过积分");
        emit(learner, "article-read", Map.of("item", "a-2"));
        emit(learner, "article-read", Map.of("item", "a-3"));
        assertThat(emit(learner, "article-read", Map.of("item", "a-4"))).contains("已达积分上限");
        assertThat(emit(learner, "login", Map.of())).contains("+5 积分");
        assertThat(emit(learner, "quiz-group", Map.of("correct", "2"))).contains("不满足积分条件");

        // one program only: /points opens it directly
        mvc.perform(get("/points").with(user(learner))).andExpect(redirectedUrl("/points/longgang"));
        var html = page(learner, "/points/longgang");
        assertThat(html)
                .contains("id=\"lifetime\">20<", "id=\"redeemable\">20<", "id=\"today\">20<")
                .contains("阅读文章 15/15", "每日首次登录 今日 5 分", "答题（每组5题答对3题及以上） 0/30")
                .contains("每阅读一篇文章积 5 分，每日上限 15 分，同一篇文章只积一次")
                .contains("答题每组答对 3 题及以上积 5 分，每日上限 30 分")
                .contains("演示");

        // the history, filtered: nothing yesterday, today's four awards today
        assertThat(page(learner, "/points/longgang?period=today")).contains("entry-cause\">阅读文章<");
        assertThat(page(learner, "/points/longgang?period=range&from=2026-06-01&to=2026-06-09"))
                .contains("id=\"history-none\"")
                .doesNotContain("entry-cause");

        var english = page(learner, "/points/longgang?lang=en");
        assertThat(english).contains("5 points for each article read, at most 15 a day, once per article");
    }

    @Test
    @DisplayName(
            "LG-6 LG-16 the operator's adjustment, with its reason, shows in the learner's history; the view is audited")
    void adjustment_appears_in_the_learners_history() throws Exception {
        clock.set(MORNING);
        var learner = learner("13700000712", "龙岗区/坂田街道/坂田社区");
        emit(learner, "share", Map.of("item", "v-9"));
        var operator = staff(Demo.PROGRAM_OPERATOR);

        var found = page(operator, "/admin/programs/longgang/users?mobile=13700000712");
        assertThat(found).contains("137****0712", "钱*", "id=\"found-member\"");
        assertThat(page(operator, "/admin/programs/longgang/users?mobile=13800000099"))
                .contains("该活动中没有这个手机号的学员");

        var memberPage = "/admin/programs/longgang/users/" + learner.id();
        var explained = page(operator, memberPage);
        assertThat(explained).contains("分享文章或视频", "share", "规则版本").contains("id=\"lifetime\">5<");
        assertThat(explained)
                .as("the award names who sent its event, masked")
                .contains("由 " + learner.actorLabel() + " 发送");
        assertThat(jdbc.sql("select count(*) from audit.audit_entry where action = 'points.view' and object_id = ?")
                        .param(String.valueOf(learner.id()))
                        .query(Long.class)
                        .single())
                .isPositive();

        // the reason is required and the error stands next to the field; nothing is adjusted
        var refused = mvc.perform(post(memberPage + "/adjustments")
                        .with(user(operator))
                        .with(csrf())
                        .param("points", "30")
                        .param("reason", " "))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("id=\"reason-error\"", "请填写调整原因").contains("id=\"lifetime\">5<");

        mvc.perform(post(memberPage + "/adjustments")
                        .with(user(operator))
                        .with(csrf())
                        .param("points", "30")
                        .param("reason", "线下活动补录"))
                .andExpect(redirectedUrl(memberPage));
        assertThat(page(operator, memberPage)).contains("线下活动补录").contains("id=\"lifetime\">35<");

        var history = page(learner, "/points/longgang");
        assertThat(history).contains("entry-cause\">线下活动补录<", "+30", "id=\"lifetime\">35<");
        // LG-18: the learner reaches the notices of rule changes from the points page
        assertThat(history).contains("id=\"to-notices\" href=\"/programs/longgang/notices\"");
        assertThat(page(learner, "/programs/longgang/notices")).contains("id=\"notice-0\"");
    }

    @Test
    @DisplayName("LG-16 staff outside the program's scope are refused, and so are learners on staff pages")
    void outside_scope_is_forbidden() throws Exception {
        var learner = learner("13700000713", "龙岗区/平湖街道/平湖社区");
        var bureau = organizations.resolve("龙岗区政务服务数据管理局").orElseThrow();
        var elsewhere = new SignedInUser(
                999_001L,
                "13700000799",
                "外区运营",
                null,
                false,
                true,
                Map.of(Role.PROGRAM_OPERATOR, Set.of(bureau.id())),
                Set.of());
        for (var path : new String[] {
            "/admin/programs/longgang/users?mobile=13700000713",
            "/admin/programs/longgang/users/" + learner.id(),
            "/admin/programs/longgang/dashboard"
        }) {
            mvc.perform(get(path).with(user(elsewhere))).andExpect(status().isForbidden());
            mvc.perform(get(path).with(user(learner))).andExpect(status().isForbidden());
            mvc.perform(get(path).with(user(staff(Demo.ORG_ADMIN)))).andExpect(status().isForbidden());
        }
        mvc.perform(post("/admin/programs/longgang/users/" + learner.id() + "/adjustments")
                        .with(user(elsewhere))
                        .with(csrf())
                        .param("points", "1000")
                        .param("reason", "不该成功"))
                .andExpect(status().isForbidden());
        assertThat(page(learner, "/points/longgang")).contains("id=\"lifetime\">0<");

        // a learner outside the program's organizations does not find it
        var outsider = learner("13700000714", "省直机关工委/第一党总支/第一党支部");
        mvc.perform(get("/points/longgang").with(user(outsider))).andExpect(status().isNotFound());
    }

    @Test
    @DisplayName("the dashboard shows events per day, the points of each rule and the month's top users, masked")
    void dashboard_renders_rule_totals() throws Exception {
        clock.set(MORNING);
        var learner = learner("13700000715", "龙岗区/龙城街道/龙城社区");
        emit(learner, "focus-video-watch", Map.of("item", "f-1"));
        emit(learner, "focus-video-watch", Map.of("item", "f-1"));

        var html = page(staff(Demo.PROGRAM_OPERATOR), "/admin/programs/longgang/dashboard");
        assertThat(html)
                .contains("id=\"rule-total-focus-video\"", "观看“今日关注”视频")
                .contains("id=\"dashboard-data\"", "\"pointsPerRule\"", "echarts.min.js")
                .contains("137****0715")
                .doesNotContain("13700000715");
        var total = java.util.regex.Pattern.compile(
                        "id=\"rule-total-focus-video\">\\s*<td>[^<]+</td>\\s*<td class=\"text-end\">(\\d+)<")
                .matcher(html);
        assertThat(total.find()).as("the focus-video rule's total").isTrue();
        assertThat(Long.parseLong(total.group(1))).isGreaterThanOrEqualTo(100);
        var events = java.util.regex.Pattern.compile(
                        "id=\"day-2026-06-10\">\\s*<td>2026-06-10</td>\\s*<td class=\"text-end\">(\\d+)<")
                .matcher(html);
        assertThat(events.find()).as("the events of 2026-06-10").isTrue();
        assertThat(Long.parseLong(events.group(1))).isGreaterThanOrEqualTo(2);
    }
}
