package org.jifen.org.members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.jifen.account.SignedInUser;
import org.jifen.org.OrgKind;
import org.jifen.org.Organization;
import org.jifen.org.Organizations;
import org.jifen.shared.Masking;
import org.jifen.support.Demo;
import org.jifen.support.JifenIntegrationTest;
import org.jifen.support.Workbooks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The export and the name search over a subtree larger than one keyset page ({@link MemberDirectory#WALK_PAGE}):
 * 2,500 members in a community of their own, one in three named with 乙.
 */
@JifenIntegrationTest
class MemberExportIT {

    private static final String COMMUNITY = "龙岗区/平湖街道/导出社区";
    private static final String GROUP = COMMUNITY + "/二组";
    private static final int MEMBERS = 2_500;
    private static final String Q = "乙";

    @Autowired
    MockMvc mvc;

    @Autowired
    MemberImport imports;

    @Autowired
    Organizations organizations;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    private Organization community;

    @BeforeEach
    void members() {
        if (organizations.resolve(COMMUNITY).isEmpty()) {
            var parent = organizations.resolve("龙岗区/平湖街道").orElseThrow();
            var created = organizations.createAtSetup(parent, "导出社区", OrgKind.COMMUNITY);
            organizations.createAtSetup(created, "二组", OrgKind.SECTION);
            var csv = new StringBuilder("姓名,手机号,组织,部门\n");
            for (int i = 0; i < MEMBERS; i++) {
                csv.append("导%04d%s,%d,%s,%s\n"
                        .formatted(
                                i,
                                i % 3 == 0 ? Q : "丙",
                                15_588_000_000L + i,
                                i % 2 == 0 ? COMMUNITY : GROUP,
                                i % 5 == 0 ? "综合组" : ""));
            }
            var outcome = imports.run(
                    login(Demo.SYSTEM_ADMIN), "export.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
            assertThat(outcome.succeeded()).as("%s", outcome.problems()).isTrue();
            // imports carry no ID number; give every member one, to see it masked
            jdbc.sql("update account.user_account set id_number = '44030719900101' || right(mobile, 4)"
                            + " where mobile like '155880%'")
                    .update();
        }
        community = organizations.resolve(COMMUNITY).orElseThrow();
    }

    @Test
    @DisplayName("MASK an export larger than a keyset page holds every member once, by account id, masked")
    void export_of_many_pages() throws Exception {
        var expected = members("");
        assertThat(expected).hasSize(MEMBERS);

        var sheets = export(login(Demo.ORG_ADMIN), "");

        assertThat(sheets).hasSize(1);
        var rows = sheets.getFirst();
        assertThat(rows.getFirst()).containsExactly("姓名", "手机号", "身份证号", "组织", "部门", "党员", "状态");
        var data = rows.subList(1, rows.size());
        assertThat(data).extracting(r -> r.get(0)).containsExactlyElementsOf(names(expected));
        assertThat(data)
                .extracting(r -> r.get(1))
                .containsExactlyElementsOf(
                        expected.stream().map(m -> Masking.mobile(m.mobile())).toList());
        assertThat(data).allSatisfy(r -> {
            assertThat(r.get(2)).matches("440\\*{11}\\d{4}");
            assertThat(r.get(3)).startsWith("龙岗区 / 平湖街道 / 导出社区");
        });
        assertThat(data).extracting(r -> r.get(3)).contains("龙岗区 / 平湖街道 / 导出社区 / 二组");
        assertThat(data).extracting(r -> r.get(4)).contains("综合组", "");
        assertThat(rows.stream().flatMap(List::stream)).noneMatch(c -> c.matches(".*1[3-9]\\d{9}.*"));
        assertThat(rows.stream().flatMap(List::stream)).noneMatch(c -> c.matches(".*\\d{18}.*"));
    }

    @Test
    @DisplayName("AUDIT the export is recorded before it is written, with the row count, q and the staff member")
    void export_is_audited() throws Exception {
        var admin = login(Demo.ORG_ADMIN);
        long before = exports();

        var sheets = export(admin, Q);

        var expected = members(Q);
        assertThat(expected).hasSize(834);
        var data = sheets.getFirst().subList(1, sheets.getFirst().size());
        assertThat(data).extracting(r -> r.get(0)).containsExactlyElementsOf(names(expected));
        var entries = jdbc.sql("""
                        select actor_id, object_type, object_id, after_summary from audit.audit_entry
                        where action = 'member.export' and id > ? order by id""")
                .param(before)
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
        assertThat(entries)
                .containsExactly(List.of(
                        String.valueOf(admin.id()),
                        "organization",
                        String.valueOf(community.id()),
                        "rows=834, q=" + Q));

        // in English: the texts are resolved on the request thread, where the reader's language is known
        var english = export(admin, "", "en").getFirst();
        assertThat(english.get(0).getFirst()).isEqualTo("Name");
        assertThat(english.get(1).get(6)).isEqualTo("Invited");
        assertThat(english).hasSize(MEMBERS + 1);
        assertThat(jdbc.sql("select after_summary from audit.audit_entry where action = 'member.export' and id > ?"
                                + " order by id desc limit 1")
                        .param(before)
                        .query(String.class)
                        .single())
                .isEqualTo("rows=" + MEMBERS);
    }

    @Test
    @DisplayName("MASK the name search finds its page and total across keyset pages")
    void name_search_across_pages() throws Exception {
        var matches = members(Q).stream().map(Member::id).toList();
        int pageSize = MemberDirectory.PAGE_SIZE;
        // page 6 holds the 301st to 350th match: the first keyset page of 1,000 members has 334 of them
        for (int page : List.of(0, 6, 16, 17)) {
            var body = mvc.perform(get("/api/v1/members")
                            .param("orgId", String.valueOf(community.id()))
                            .param("q", Q)
                            .param("page", String.valueOf(page))
                            .with(user(login(Demo.ORG_ADMIN))))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            var ids = com.jayway.jsonpath.JsonPath.<List<Number>>read(body, "$.members[*].id").stream()
                    .map(Number::longValue)
                    .toList();
            var want = matches.subList(
                    Math.min(matches.size(), page * pageSize), Math.min(matches.size(), (page + 1) * pageSize));
            assertThat(ids).as("page %d", page).containsExactlyElementsOf(want);
            assertThat(com.jayway.jsonpath.JsonPath.<Integer>read(body, "$.total"))
                    .isEqualTo(834);
        }
    }

    @Test
    @DisplayName("MASK AUDIT an export outside the admin's scope is refused before it starts and recorded nowhere")
    void refused_export() throws Exception {
        long before = exports();
        var buji = organizations.resolve("龙岗区/布吉街道").orElseThrow();

        var result = mvc.perform(get("/admin/members/export")
                        .param("orgId", String.valueOf(buji.id()))
                        .with(user(login(Demo.ORG_ADMIN))))
                .andExpect(request().asyncNotStarted())
                .andExpect(status().isNotFound())
                .andReturn();
        assertThat(result.getResponse().getContentType()).doesNotContain("spreadsheet");
        mvc.perform(get("/admin/members/export")
                        .param("orgId", String.valueOf(community.id()))
                        .with(user(login(Demo.LEARNER))))
                .andExpect(request().asyncNotStarted())
                .andExpect(status().isForbidden());

        assertThat(exports()).isEqualTo(before);
    }

    private List<List<List<String>>> export(SignedInUser admin, String q) throws Exception {
        return export(admin, q, "zh_CN");
    }

    private List<List<List<String>>> export(SignedInUser admin, String q, String lang) throws Exception {
        var started = mvc.perform(get("/admin/members/export")
                        .param("orgId", String.valueOf(community.id()))
                        .param("q", q)
                        .param("lang", lang)
                        .with(user(admin)))
                .andExpect(request().asyncStarted())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"members.xlsx\""))
                .andReturn();
        // not the container's 30 s, which would cut a province's export off in the middle
        assertThat(started.getRequest().getAsyncContext().getTimeout())
                .isEqualTo(Duration.ofHours(1).toMillis());
        mvc.perform(asyncDispatch(started)).andExpect(status().isOk());
        var bytes = started.getResponse().getContentAsByteArray();
        return Workbooks.read(bytes).stream().map(Workbooks.Sheet::rows).toList();
    }

    private record Member(long id, String name, String mobile) {}

    /** The members of the community whose name contains {@code q}, by account id, read straight from the tables. */
    private List<Member> members(String q) {
        return jdbc.sql("""
                        select a.id, a.real_name, a.mobile from org.membership m
                        join org.organization o on o.id = m.org_id
                        join account.user_account a on a.id = m.user_id
                        where o.path like ? || '%' and strpos(a.real_name, ?) > 0 order by a.id""")
                .params(community.path(), q)
                .query((rs, n) -> new Member(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    private static List<String> names(List<Member> members) {
        return members.stream().map(Member::name).toList();
    }

    private long exports() {
        return jdbc.sql("select coalesce(max(id), 0) from audit.audit_entry where action = 'member.export'")
                .query(Long.class)
                .single();
    }

    private SignedInUser login(String mobile) {
        return (SignedInUser) users.loadUserByUsername(mobile);
    }
}
