package org.jifen.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.jifen.account.SignedInUser;
import org.jifen.support.Demo;
import org.jifen.support.JifenIntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@JifenIntegrationTest
@DisplayName("CAL the working-day calendar, seeded, served and edited")
class CalendarIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    WorkingDays workingDays;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    private RequestPostProcessor as(String mobile) {
        return user(users.loadUserByUsername(mobile));
    }

    private long adminId() {
        return ((SignedInUser) users.loadUserByUsername(Demo.SYSTEM_ADMIN)).id();
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    @Test
    @DisplayName("CAL a fresh install holds tyme4j's holidays from 2002, and WorkingDays answers from them")
    void seeded_from_tyme4j() {
        assertThat(count("select count(*) from calendar.special_day where source = 'tyme4j'"))
                .isGreaterThan(800);
        assertThat(count("select min(year) from calendar.covered_year")).isEqualTo(2002);
        assertThat(count("select count(*) from calendar.covered_year where year between 2002 and 2026"))
                .isEqualTo(25);
        assertThat(workingDays.covers(2026)).isTrue();
        assertThat(workingDays.covers(2001)).isFalse();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 2, 16))).isFalse();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2025, 10, 11))).isTrue();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2025, 10, 8))).isFalse();
        assertThat(workingDays.addWorkingDays(LocalDate.of(2026, 2, 10), 10)).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(workingDays.workingDaysBetween(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 1)))
                .isEqualTo(16);
        assertThat(workingDays.day(LocalDate.of(2026, 10, 1)))
                .isEqualTo(new CalendarDay(LocalDate.of(2026, 10, 1), false, "holiday", "国庆节"));
        assertThat(workingDays.day(LocalDate.of(2026, 3, 1)))
                .isEqualTo(new CalendarDay(LocalDate.of(2026, 3, 1), false, "weekend", null));
    }

    @Test
    @DisplayName("CAL the REST API answers any signed-in user and rejects bad input with calendar codes")
    void rest_api() throws Exception {
        mvc.perform(get("/api/v1/calendar/working-day")
                        .param("date", "2026-02-14")
                        .with(as(Demo.LEARNER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.date").value("2026-02-14"))
                .andExpect(jsonPath("$.workingDay").value(true))
                .andExpect(jsonPath("$.kind").value("makeup_workday"))
                .andExpect(jsonPath("$.name").value("春节"));
        mvc.perform(get("/api/v1/calendar/add-working-days")
                        .param("date", "2026-02-10")
                        .param("days", "10")
                        .with(as(Demo.LEARNER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.result").value("2026-03-02"));
        mvc.perform(get("/api/v1/calendar/working-days-between")
                        .param("from", "2025-10-01")
                        .param("to", "2025-11-01")
                        .with(as(Demo.LEARNER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.workingDays").value(18));
        mvc.perform(get("/api/v1/calendar/years/2025").with(as(Demo.LEARNER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.covered").value(true))
                .andExpect(jsonPath("$.source").value("tyme4j"))
                .andExpect(jsonPath("$.days.length()").value(33))
                .andExpect(jsonPath("$.days[0].date").value("2025-01-01"))
                .andExpect(jsonPath("$.days[0].kind").value("holiday"));

        mvc.perform(get("/api/v1/calendar/working-day")
                        .param("date", "2026-02-30")
                        .with(as(Demo.LEARNER)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("calendar.bad-date"))
                .andExpect(jsonPath("$.detail").value(containsString("2026-02-30")));
        mvc.perform(get("/api/v1/calendar/working-day").with(as(Demo.LEARNER)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("calendar.date-missing"));
        mvc.perform(get("/api/v1/calendar/add-working-days")
                        .param("date", "2026-02-10")
                        .param("days", "ten")
                        .with(as(Demo.LEARNER)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("calendar.bad-days"));
        mvc.perform(get("/api/v1/calendar/years/20260").with(as(Demo.LEARNER)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("calendar.bad-year"));
        mvc.perform(get("/api/v1/calendar/working-day").param("date", "2026-02-14"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    @DisplayName("CAL a bad import reports every bad line by number and changes nothing")
    void bad_import_changes_nothing() throws Exception {
        long audits = count("select count(*) from audit.audit_entry where object_type = 'calendar_year'");
        var csv = """
                date,kind,name
                2032-01-01,holiday,元旦
                2032-02-30,holiday,春节
                2031-10-01,holiday,国庆节
                2032-02-04,makeup_workday,春节
                """;
        mvc.perform(multipart("/admin/calendar/import")
                        .param("year", "2032")
                        .param("csv", csv)
                        .with(csrf())
                        .with(as(Demo.SYSTEM_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"import-problems\"")))
                .andExpect(content().string(containsString("第 3 行：日期“2032-02-30”无效")))
                .andExpect(content().string(containsString("第 4 行：日期 2031-10-01 不在 2032 年")))
                .andExpect(content().string(containsString("第 5 行：2032-02-04 不是周六或周日")))
                .andExpect(content().string(not(containsString("第 2 行"))));
        assertThat(count(
                        "select count(*) from calendar.special_day where day >= ? and day < ?",
                        LocalDate.of(2032, 1, 1),
                        LocalDate.of(2033, 1, 1)))
                .isZero();
        assertThat(count("select count(*) from calendar.covered_year where year = 2032"))
                .isZero();
        assertThat(count("select count(*) from audit.audit_entry where object_type = 'calendar_year'"))
                .isEqualTo(audits);
        assertThat(workingDays.isWorkingDay(LocalDate.of(2032, 1, 1))).isTrue();
    }

    @Test
    @DisplayName("CAL a good import replaces the year in one go, is audited, and WorkingDays sees it at once")
    void good_import_replaces_the_year() throws Exception {
        assertThat(workingDays.covers(2031)).isFalse();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2031, 10, 1))).isTrue();
        var first = """
                date,kind,name
                2031-01-01,holiday,元旦
                2031-09-28,makeup_workday,国庆节
                2031-10-01,holiday,国庆节
                2031-10-02,holiday,国庆节
                2031-10-03,holiday,国庆节
                """;
        mvc.perform(multipart("/admin/calendar/import")
                        .file(new MockMultipartFile(
                                "file", "2031.csv", "text/csv", first.getBytes(StandardCharsets.UTF_8)))
                        .param("year", "2031")
                        .param("reason", "国务院通知")
                        .with(csrf())
                        .with(as(Demo.SYSTEM_ADMIN)))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/admin/calendar?year=2031"));
        assertThat(workingDays.covers(2031)).isTrue();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2031, 10, 1))).isFalse();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2031, 9, 28)))
                .as("make-up Sunday")
                .isTrue();

        var second = "2031-01-01,holiday,元旦\n2031-05-01,holiday,劳动节\n";
        mvc.perform(multipart("/admin/calendar/import")
                        .param("year", "2031")
                        .param("csv", second)
                        .with(csrf())
                        .with(as(Demo.SYSTEM_ADMIN)))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select day::text || ' ' || kind || ' ' || source from calendar.special_day"
                                + " where extract(year from day) = 2031 order by day")
                        .query(String.class)
                        .list())
                .containsExactly("2031-01-01 holiday import", "2031-05-01 holiday import");
        assertThat(workingDays.isWorkingDay(LocalDate.of(2031, 10, 1))).isTrue();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2031, 5, 1))).isFalse();

        var entries = jdbc.sql("select actor_id, before_summary, after_summary, reason from audit.audit_entry"
                        + " where action = 'calendar.import-year' and object_id = '2031' order by id")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)})
                .list();
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0))
                .containsExactly(
                        String.valueOf(adminId()),
                        "0 holidays, 0 make-up working days, not covered",
                        "4 holidays, 1 make-up working days",
                        "国务院通知");
        assertThat(entries.get(1)[1]).isEqualTo("4 holidays, 1 make-up working days");
        assertThat(entries.get(1)[2]).isEqualTo("2 holidays, 0 make-up working days");

        mvc.perform(get("/admin/calendar/export").param("year", "2031").with(as(Demo.SYSTEM_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(content().string("date,kind,name\n" + second));
    }

    @Test
    @DisplayName("CAL the system admin sets and removes a single day with a reason; each change is audited")
    void single_day_edits() throws Exception {
        var day = LocalDate.of(2033, 6, 1);
        mvc.perform(post("/admin/calendar/days")
                        .param("year", "2033")
                        .param("date", "2033-06-01")
                        .param("kind", "holiday")
                        .param("name", "儿童节")
                        .param("reason", "")
                        .with(csrf())
                        .with(as(Demo.SYSTEM_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请填写原因")));
        assertThat(workingDays.isWorkingDay(day)).isTrue();

        mvc.perform(post("/admin/calendar/days")
                        .param("year", "2033")
                        .param("date", "2033-06-01")
                        .param("kind", "holiday")
                        .param("name", "儿童节")
                        .param("reason", "试点")
                        .with(csrf())
                        .with(as(Demo.SYSTEM_ADMIN)))
                .andExpect(status().is3xxRedirection());
        assertThat(workingDays.day(day)).isEqualTo(new CalendarDay(day, false, "holiday", "儿童节"));

        mvc.perform(post("/admin/calendar/days/2033-06-01/delete")
                        .param("reason", "取消试点")
                        .with(csrf())
                        .with(as(Demo.SYSTEM_ADMIN)))
                .andExpect(status().is3xxRedirection());
        assertThat(workingDays.isWorkingDay(day)).isTrue();

        assertThat(jdbc.sql("select action || '|' || coalesce(before_summary, '-') || '|'"
                                + " || coalesce(after_summary, '-') || '|' || reason from audit.audit_entry"
                                + " where object_type = 'calendar_day' and object_id = '2033-06-01' order by id")
                        .query(String.class)
                        .list())
                .containsExactly(
                        "calendar.day-set|-|2033-06-01 holiday 儿童节|试点",
                        "calendar.day-remove|2033-06-01 holiday 儿童节 (manual)|-|取消试点");

        mvc.perform(post("/admin/calendar/days")
                        .param("year", "2033")
                        .param("date", "2033-06-01")
                        .param("kind", "makeup_workday")
                        .param("name", "儿童节")
                        .param("reason", "试点")
                        .with(csrf())
                        .with(as(Demo.SYSTEM_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2033-06-01 不是周六或周日")));
    }

    @Test
    @DisplayName("CAL the admin page shows the year as a list and coloured month grids")
    void admin_page() throws Exception {
        mvc.perform(get("/admin/calendar").param("year", "2026").with(as(Demo.SYSTEM_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"day-2026-02-14\"")))
                .andExpect(content().string(containsString("class=\"cal-makeup\" id=\"cell-2026-02-14\"")))
                .andExpect(content().string(containsString("class=\"cal-holiday\" id=\"cell-2026-02-16\"")))
                .andExpect(content().string(containsString("class=\"cal-weekend\" id=\"cell-2026-03-01\"")))
                .andExpect(content().string(containsString("class=\"cal-workday\" id=\"cell-2026-03-02\"")))
                .andExpect(content().string(containsString("放假 33 天，调休上班 6 天。")));
        mvc.perform(get("/admin/calendar").param("year", "2040").with(as(Demo.SYSTEM_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2040 年节假日尚未收录")));
    }

    @Test
    @DisplayName("CAL only the system admin may see or edit the calendar: others get 403")
    void others_are_forbidden() throws Exception {
        for (var mobile : new String[] {Demo.LEARNER, Demo.ORG_ADMIN, Demo.SECURITY_ADMIN}) {
            mvc.perform(get("/admin/calendar").with(as(mobile))).andExpect(status().isForbidden());
            mvc.perform(multipart("/admin/calendar/import")
                            .param("year", "2034")
                            .param("csv", "2034-01-01,holiday,元旦")
                            .with(csrf())
                            .with(as(mobile)))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/admin/calendar/days/2026-02-14/delete")
                            .param("reason", "x")
                            .with(csrf())
                            .with(as(mobile)))
                    .andExpect(status().isForbidden());
        }
        assertThat(workingDays.covers(2034)).isFalse();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue();
    }
}
