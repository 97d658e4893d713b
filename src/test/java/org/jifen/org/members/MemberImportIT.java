package org.jifen.org.members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jifen.account.Accounts;
import org.jifen.account.Role;
import org.jifen.account.RoleGrant;
import org.jifen.account.SignedInUser;
import org.jifen.org.Memberships;
import org.jifen.org.Organizations;
import org.jifen.org.members.domain.ImportProblem;
import org.jifen.shared.MobileNumber;
import org.jifen.support.Demo;
import org.jifen.support.JifenIntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

@JifenIntegrationTest
class MemberImportIT {

    private static final String HEADER = "姓名,手机号,组织,部门,角色,党员\n";

    @Autowired
    MockMvc mvc;

    @Autowired
    MemberImport imports;

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

    private SignedInUser login(String mobile) {
        return (SignedInUser) users.loadUserByUsername(mobile);
    }

    private static MockMultipartFile csv(String name, String body) {
        return new MockMultipartFile("file", name, "text/csv", (HEADER + body).getBytes(StandardCharsets.UTF_8));
    }

    private long auditEntries(String action) {
        return jdbc.sql("select count(*) from audit.audit_entry where action = ?")
                .param(action)
                .query(Long.class)
                .single();
    }

    @Test
    @DisplayName("ORG a file with bad rows reports every problem by row and column and imports nothing")
    void bad_file_imports_nothing() throws Exception {
        long before = accounts.count();
        long audits = auditEntries("member.import");
        var bad = csv("bad.csv", """
                ,13700000101,龙岗区/平湖街道,,,
                赵一,1370000010,龙岗区/平湖街道,,,
                钱二,13700000102,龙岗区/平湖街道,,,
                孙三,137 0000 0102,龙岗区/平湖街道,,,
                李四,%s,龙岗区/平湖街道,,,
                周五,13700000103,龙岗区/不存在街道,,,
                吴六,13700000104,龙岗区/布吉街道,,,
                郑七,13700000105,龙岗区/平湖街道,,老板,
                王八,13700000106,龙岗区/平湖街道,,,也许
                %s,13700000107,龙岗区/平湖街道,,,
                冯九,13700000108,龙岗区/平湖街道/山厦社区,综合组,活动运营,是
                """.formatted(Demo.LEARNER, "名".repeat(51)));

        mvc.perform(multipart("/api/v1/members/import")
                        .file(bad)
                        .with(user(login(Demo.ORG_ADMIN)))
                        .with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("import.rows-invalid"))
                .andExpect(jsonPath("$.errors.length()").value(9))
                .andExpect(jsonPath("$.errors[0].row").value(2))
                .andExpect(jsonPath("$.errors[0].column").value("name"))
                .andExpect(jsonPath("$.errors[0].code").value("import.name-required"))
                .andExpect(jsonPath("$.errors[1].row").value(3))
                .andExpect(jsonPath("$.errors[1].code").value("import.mobile-invalid"))
                .andExpect(jsonPath("$.errors[2].row").value(5))
                .andExpect(jsonPath("$.errors[2].code").value("import.mobile-duplicate"))
                .andExpect(jsonPath("$.errors[2].message").value("手机号与第 4 行重复"))
                .andExpect(jsonPath("$.errors[3].row").value(6))
                .andExpect(jsonPath("$.errors[3].code").value("import.mobile-registered"))
                .andExpect(jsonPath("$.errors[4].row").value(7))
                .andExpect(jsonPath("$.errors[4].code").value("import.org-unknown"))
                .andExpect(jsonPath("$.errors[5].row").value(8))
                .andExpect(jsonPath("$.errors[5].column").value("organization"))
                .andExpect(jsonPath("$.errors[5].code").value("import.org-out-of-scope"))
                .andExpect(jsonPath("$.errors[6].row").value(9))
                .andExpect(jsonPath("$.errors[6].code").value("import.role-unknown"))
                .andExpect(jsonPath("$.errors[7].row").value(10))
                .andExpect(jsonPath("$.errors[7].code").value("import.party-member-invalid"))
                .andExpect(jsonPath("$.errors[8].row").value(11))
                .andExpect(jsonPath("$.errors[8].code").value("import.name-too-long"));

        assertThat(accounts.count()).as("no account created").isEqualTo(before);
        assertThat(accounts.findByMobile(mobile("13700000108")))
                .as("not even the good row")
                .isEmpty();
        assertThat(auditEntries("member.import")).isEqualTo(audits);
    }

    @Test
    @DisplayName("ORG a clean file imports every member with membership and role; the same file again imports nothing")
    void clean_file_imports_everything_once() throws Exception {
        long before = accounts.count();
        long audits = auditEntries("member.import");
        var good = csv("good.csv", """
                赵一,13700000201,龙岗区/平湖街道,综合组,,否
                钱二,137-0000-0202,龙岗区/平湖街道/山厦社区,,组织管理员,是
                孙三,13700000203,龙岗区/平湖街道/山厦社区,,活动运营,1
                """);

        mvc.perform(multipart("/api/v1/members/import")
                        .file(good)
                        .with(user(login(Demo.ORG_ADMIN)))
                        .with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.imported").value(3));

        assertThat(accounts.count()).isEqualTo(before + 3);
        var shanxia = organizations.resolve("龙岗区/平湖街道/山厦社区").orElseThrow();
        var pinghu = organizations.resolve("龙岗区/平湖街道").orElseThrow();
        var zhao = accounts.findByMobile(mobile("13700000201")).orElseThrow();
        assertThat(zhao.realName()).isEqualTo("赵一");
        assertThat(zhao.activated()).as("invited until the owner signs up").isFalse();
        assertThat(memberships.of(zhao.id())).singleElement().satisfies(m -> {
            assertThat(m.orgId()).isEqualTo(pinghu.id());
            assertThat(m.department()).isEqualTo("综合组");
            assertThat(m.partyMember()).isFalse();
        });
        assertThat(accounts.grantsOf(zhao.id())).isEmpty();
        var qian = accounts.findByMobile(mobile("13700000202")).orElseThrow();
        assertThat(memberships.of(qian.id())).singleElement().satisfies(m -> {
            assertThat(m.orgId()).isEqualTo(shanxia.id());
            assertThat(m.partyMember()).isTrue();
        });
        assertThat(accounts.grantsOf(qian.id())).containsExactly(new RoleGrant(Role.ORG_ADMIN, shanxia.id()));
        var sun = accounts.findByMobile(mobile("13700000203")).orElseThrow();
        assertThat(accounts.grantsOf(sun.id())).containsExactly(new RoleGrant(Role.PROGRAM_OPERATOR, shanxia.id()));
        assertThat(auditEntries("member.import"))
                .as("one entry for the whole import")
                .isEqualTo(audits + 1);
        var summary = jdbc.sql(
                        "select object_id, after_summary from audit.audit_entry where action = 'member.import' order by id desc limit 1")
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2)))
                .single();
        assertThat(summary.get(0)).isEqualTo(String.valueOf(pinghu.id()));
        assertThat(summary.get(1)).contains("good.csv", "rows=3", "平湖街道");

        mvc.perform(multipart("/api/v1/members/import")
                        .file(good)
                        .with(user(login(Demo.ORG_ADMIN)))
                        .with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.length()").value(3))
                .andExpect(jsonPath("$.errors[*].code")
                        .value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("import.mobile-registered"))))
                .andExpect(jsonPath("$.errors[*].row").value(org.hamcrest.Matchers.contains(2, 3, 4)));
        assertThat(accounts.count()).isEqualTo(before + 3);
    }

    @Test
    @DisplayName("ORG the Pinghu admin cannot import into 布吉街道; the system admin can")
    void scope() {
        var rows = "吴六,13700000301,龙岗区/布吉街道,,,\n";
        var refused = imports.run(login(Demo.ORG_ADMIN), "buji.csv", (HEADER + rows).getBytes(StandardCharsets.UTF_8));

        assertThat(refused.problems())
                .extracting(ImportProblem::row, ImportProblem::code)
                .containsExactly(org.assertj.core.api.Assertions.tuple(2, "import.org-out-of-scope"));
        assertThat(accounts.findByMobile(mobile("13700000301"))).isEmpty();

        var done = imports.run(login(Demo.SYSTEM_ADMIN), "buji.csv", (HEADER + rows).getBytes(StandardCharsets.UTF_8));
        assertThat(done.imported()).isEqualTo(1);
    }

    @Test
    @DisplayName("ORG a CSV saved as GB18030 (GBK) imports through the page")
    void gb18030_csv_through_the_page() throws Exception {
        var body = HEADER + "欧阳小明,13700000401,龙岗区/平湖街道,网格组,学员,是\n";
        var file = new MockMultipartFile("file", "gbk.csv", "text/csv", body.getBytes(Charset.forName("GB18030")));

        mvc.perform(multipart("/admin/members/import")
                        .file(file)
                        .with(user(login(Demo.ORG_ADMIN)))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"import-done\"")));

        assertThat(accounts.findByMobile(mobile("13700000401")))
                .get()
                .extracting(a -> a.realName())
                .isEqualTo("欧阳小明");
    }

    @Test
    @DisplayName("ORG a file that is not a spreadsheet is one file-level error")
    void file_level_error() throws Exception {
        var file = new MockMultipartFile("file", "members.pdf", "application/pdf", new byte[] {1, 2, 3});

        mvc.perform(multipart("/api/v1/members/import")
                        .file(file)
                        .with(user(login(Demo.ORG_ADMIN)))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("import.file-type"));
    }

    @Test
    @DisplayName("ORG two overlapping imports at the same time never create a member twice")
    void concurrent_overlapping_imports() throws Exception {
        var admin = login(Demo.ORG_ADMIN);
        var first = (HEADER + """
                        甲,13700000501,龙岗区/平湖街道,,,
                        乙,13700000502,龙岗区/平湖街道,,,
                        丙,13700000503,龙岗区/平湖街道,,,
                        """).getBytes(StandardCharsets.UTF_8);
        var second = (HEADER + """
                        丙,13700000503,龙岗区/平湖街道,,,
                        丁,13700000504,龙岗区/平湖街道,,,
                        乙,13700000502,龙岗区/平湖街道,,,
                        """).getBytes(StandardCharsets.UTF_8);
        long before = accounts.count();
        var start = new CyclicBarrier(2);
        var pool = Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> {
                start.await();
                return imports.run(admin, "a.csv", first);
            });
            var b = pool.submit(() -> {
                start.await();
                return imports.run(admin, "b.csv", second);
            });
            var outcomes =
                    new ArrayList<ImportOutcome>(List.of(a.get(30, TimeUnit.SECONDS), b.get(30, TimeUnit.SECONDS)));

            assertThat(outcomes).filteredOn(ImportOutcome::succeeded).hasSize(1);
            var loser =
                    outcomes.stream().filter(o -> !o.succeeded()).findFirst().orElseThrow();
            assertThat(loser.imported()).isZero();
            assertThat(loser.problems())
                    .as("the overlap is reported as registered, nothing else")
                    .hasSize(2)
                    .allSatisfy(p -> assertThat(p.code()).isEqualTo("import.mobile-registered"));
            assertThat(accounts.count()).isEqualTo(before + 3);
            for (var mobile : List.of("13700000502", "13700000503")) {
                assertThat(jdbc.sql("select count(*) from account.user_account where mobile = ?")
                                .param(mobile)
                                .query(Long.class)
                                .single())
                        .isEqualTo(1);
            }
            var winnerFirst = outcomes.get(0).succeeded();
            assertThat(accounts.findByMobile(mobile(winnerFirst ? "13700000504" : "13700000501")))
                    .as("the losing file imported none of its own rows either")
                    .isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    private static MobileNumber mobile(String value) {
        return MobileNumber.parse(value).orElseThrow();
    }
}
