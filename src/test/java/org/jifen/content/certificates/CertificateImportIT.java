package org.jifen.content.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.jifen.account.Accounts;
import org.jifen.account.ApiClients;
import org.jifen.account.NewAccount;
import org.jifen.account.Role;
import org.jifen.account.SignedInUser;
import org.jifen.org.Memberships;
import org.jifen.org.Organizations;
import org.jifen.points.PointsLedger;
import org.jifen.points.domain.LearningEvent;
import org.jifen.rulebook.ProgramAccess;
import org.jifen.rulebook.Rulebooks;
import org.jifen.shared.MobileNumber;
import org.jifen.shared.sheets.SheetRow;
import org.jifen.shared.sheets.Sheets;
import org.jifen.support.Demo;
import org.jifen.support.JifenIntegrationTest;
import org.jifen.support.MutableClock;
import org.jifen.support.Sessions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Offline certificate imports on the whole platform (LG-7.1, LG-7.2.2): an operator of the Longgang program uploads
 * a sheet, each good row becomes a {@code certificate} event with {@code channel=offline} judged by the Longgang
 * rulebook, a re-import counts nothing twice, any bad row stops the whole file unless "good rows only" is asked for,
 * and people outside the program's staff are refused.
 */
@JifenIntegrationTest
class CertificateImportIT {

    /** 2026-06-10 10:00 in Shanghai, inside the Longgang rulebook's validity (LG-20). */
    private static final Instant MORNING = Instant.parse("2026-06-10T02:00:00Z");

    private static final String API = "/api/v1/programs/longgang/certificates/imports";
    private static final AtomicInteger NEXT = new AtomicInteger();

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
    PointsLedger ledger;

    @Autowired
    ProgramAccess access;

    @Autowired
    Rulebooks rulebooks;

    @Autowired
    ApiClients clients;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    private MockHttpSession operator;

    @BeforeEach
    void signIn() throws Exception {
        clock.set(MORNING);
        operator = Sessions.login(mvc, Demo.PROGRAM_OPERATOR);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    @DisplayName(
            "LG-7.1 the offline General Knowledge certificate of the demo learner earns 100; importing it again counts nothing")
    void offline_general_knowledge_earns_100_once() throws Exception {
        var learner = id(Demo.LEARNER);
        var csv = "手机号,证书,日期\n" + Demo.LEARNER + ",general-knowledge,2026-06-01\n";

        importCsv("gk.csv", csv, false)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows").value(1))
                .andExpect(jsonPath("$.recorded").value(1))
                .andExpect(jsonPath("$.points").value(100))
                .andExpect(jsonPath("$.results[0].row").value(2))
                .andExpect(jsonPath("$.results[0].mobile").value("138****0006"))
                .andExpect(jsonPath("$.results[0].points").value(100))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(Demo.LEARNER))));
        long lifetime = ledger.balance("longgang", learner).lifetime();

        importCsv("gk-again.csv", csv, false)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.recorded").value(0))
                .andExpect(jsonPath("$.points").value(0))
                .andExpect(jsonPath("$.results[0].points").value(0))
                .andExpect(jsonPath("$.results[0].reason").value("already-imported"));
        assertThat(ledger.balance("longgang", learner).lifetime()).isEqualTo(lifetime);

        var records = jdbc.sql("select file_name, rows, recorded, points, actor_label from content.certificate_import"
                        + " where file_name in ('gk.csv', 'gk-again.csv') order by id")
                .query((rs, n) -> rs.getString(1) + "|" + rs.getInt(2) + "|" + rs.getInt(3) + "|" + rs.getLong(4) + "|"
                        + rs.getString(5))
                .list();
        assertThat(records).hasSize(2);
        assertThat(records.get(0)).startsWith("gk.csv|1|1|100|");
        assertThat(records.get(1)).startsWith("gk-again.csv|1|0|0|");
        assertThat(records.get(0)).doesNotContain(Demo.PROGRAM_OPERATOR);
        assertThat(jdbc.sql("select count(*) from audit.audit_entry where action = 'certificate.import'"
                                + " and object_id = 'longgang' and after_summary like '%file=gk.csv,%'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }

    @Test
    @DisplayName(
            "LG-7.2.2 online General Knowledge after the offline one earns 0, and the offline one after the online one too")
    void offline_and_online_general_knowledge_are_one_of_the_two() throws Exception {
        var first = learner();
        importCsv("offline-first.csv", "手机号,证书,日期\n" + mobile(first) + ",general-knowledge,2026-06-02\n", false)
                .andExpect(jsonPath("$.results[0].points").value(100));
        var online = ledger.record("longgang", online(first, "general-knowledge"));
        assertThat(online.points()).isZero();
        assertThat(online.reason()).isEqualTo("already-rewarded");

        var second = learner();
        assertThat(ledger.record("longgang", online(second, "general-knowledge"))
                        .points())
                .isEqualTo(100);
        importCsv("online-first.csv", "手机号,证书,日期\n" + mobile(second) + ",general-knowledge,2026-06-03\n", false)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.points").value(0))
                .andExpect(jsonPath("$.results[0].points").value(0))
                .andExpect(jsonPath("$.results[0].reason").value("already-rewarded"))
                .andExpect(jsonPath("$.results[0].explanation").isNotEmpty());
        assertThat(ledger.balance("longgang", second).lifetime()).isEqualTo(100);
    }

    @Test
    @DisplayName("LG-7.1 LG-7.2.2 a file may name certificates as the rulebook names them: 《通用知识》证书, 交通安全")
    void certificates_by_their_names() throws Exception {
        var learner = learner();
        importCsv(
                        "names.csv",
                        "手机号,证书,日期\n" + mobile(learner) + ",《通用知识》证书,2026-06-02\n" + mobile(learner)
                                + ",交通安全,2026-06-02\n",
                        false)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.recorded").value(2))
                .andExpect(jsonPath("$.results[0].points").value(100))
                .andExpect(jsonPath("$.results[1].points").value(50));
        assertThat(ledger.entries("longgang", learner, null, null, 0))
                .extracting(org.jifen.points.LedgerEntry::ruleId)
                .containsExactlyInAnyOrder("general-knowledge-offline", "topic-certificate");
        // the same certificate by its code is the one already imported
        importCsv("names-again.csv", "手机号,证书,日期\n" + mobile(learner) + ",general-knowledge,2026-06-02\n", false)
                .andExpect(jsonPath("$.recorded").value(0))
                .andExpect(jsonPath("$.results[0].reason").value("already-imported"));
    }

    @Test
    @DisplayName("LG-7.2.2 each topic certificate earns 50 once, whichever file or channel brings it again")
    void topic_certificates_earn_50_once() throws Exception {
        var learner = learner();
        importCsv(
                        "topics.csv",
                        "日期,证书,手机号\n2026-05-01,traffic-safety," + mobile(learner) + "\n2026-05-02,ecology,"
                                + mobile(learner) + "\n",
                        false)
                .andExpect(jsonPath("$.points").value(100))
                .andExpect(jsonPath("$.results[0].points").value(50))
                .andExpect(jsonPath("$.results[1].points").value(50));
        importCsv("topics-2.csv", "手机号,证书,日期\n" + mobile(learner) + ",traffic-safety,2026-06-01\n", false)
                .andExpect(jsonPath("$.results[0].points").value(0))
                .andExpect(jsonPath("$.results[0].reason").value("already-imported"));
        assertThat(ledger.record("longgang", online(learner, "traffic-safety")).points())
                .isZero();
        assertThat(ledger.balance("longgang", learner).lifetime()).isEqualTo(100);
    }

    @Test
    @DisplayName("LG-7.1 every bad row is reported with its row and column, and nothing is imported")
    void bad_rows_stop_the_whole_file() throws Exception {
        var good = learner();
        importCsv("bad.csv", badFile(good), false)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("certificates.rows-invalid"))
                .andExpect(jsonPath("$.errors.length()").value(6))
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].column").value("mobile"))
                .andExpect(jsonPath("$.errors[0].code").value("certificates.mobile-invalid"))
                .andExpect(jsonPath("$.errors[1].row").value(4))
                .andExpect(jsonPath("$.errors[1].code").value("certificates.unknown-user"))
                .andExpect(jsonPath("$.errors[2].row").value(5))
                .andExpect(jsonPath("$.errors[2].code").value("certificates.not-member"))
                .andExpect(jsonPath("$.errors[3].row").value(6))
                .andExpect(jsonPath("$.errors[3].column").value("certificate"))
                .andExpect(jsonPath("$.errors[3].code").value("certificates.unknown-code"))
                .andExpect(jsonPath("$.errors[3].message")
                        .value(org.hamcrest.Matchers.containsString("general-knowledge")))
                .andExpect(jsonPath("$.errors[4].row").value(7))
                .andExpect(jsonPath("$.errors[4].column").value("date"))
                .andExpect(jsonPath("$.errors[4].code").value("certificates.date-future"))
                .andExpect(jsonPath("$.errors[5].row").value(9))
                .andExpect(jsonPath("$.errors[5].code").value("certificates.duplicate"));

        assertThat(ledger.balance("longgang", good).lifetime()).isZero();
        assertThat(jdbc.sql("select count(*) from content.certificate_import where file_name = 'bad.csv'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    @DisplayName("LG-7.1 asked for, only the good rows are imported and the bad ones are still reported")
    void good_rows_only() throws Exception {
        var good = learner();
        importCsv("bad-but-go.csv", badFile(good), true)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows").value(8))
                .andExpect(jsonPath("$.recorded").value(2))
                .andExpect(jsonPath("$.points").value(150))
                .andExpect(jsonPath("$.results.length()").value(2))
                .andExpect(jsonPath("$.results[0].row").value(2))
                .andExpect(jsonPath("$.results[0].points").value(100))
                .andExpect(jsonPath("$.results[1].row").value(8))
                .andExpect(jsonPath("$.results[1].points").value(50))
                .andExpect(jsonPath("$.errors.length()").value(6));
        assertThat(ledger.balance("longgang", good).lifetime()).isEqualTo(150);
    }

    @Test
    @DisplayName("LG-7.1 learners and operators of another subtree are refused, and nothing is recorded")
    void outsiders_are_refused() throws Exception {
        var target = learner();
        var file = csv("refused.csv", "手机号,证书,日期\n" + mobile(target) + ",general-knowledge,2026-06-01\n");
        var learner = (SignedInUser) users.loadUserByUsername(Demo.LEARNER);
        mvc.perform(multipart(API).file(file).with(user(learner)).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get("/admin/content/longgang/certificates").with(user(learner)))
                .andExpect(status().isForbidden());

        var bureau = organizations.resolve("龙岗区政务服务数据管理局").orElseThrow();
        var elsewhere = new SignedInUser(
                999_101L,
                "13700000899",
                "外区运营",
                null,
                false,
                true,
                Map.of(Role.PROGRAM_OPERATOR, Set.of(bureau.id())),
                Set.of());
        mvc.perform(multipart(API).file(file).with(user(elsewhere)).with(csrf()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("program.out-of-scope"));
        mvc.perform(multipart("/admin/content/longgang/certificates")
                        .file(file)
                        .with(user(elsewhere))
                        .with(csrf()))
                .andExpect(status().isForbidden());

        assertThat(ledger.balance("longgang", target).lifetime()).isZero();
        assertThat(jdbc.sql("select count(*) from content.certificate_import where file_name = 'refused.csv'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    @DisplayName("LG-7.1 an integration imports with its API key; a bad file as a whole is a 400")
    void api_key_and_file_problems() throws Exception {
        var key =
                clients.create("certificates-it-" + NEXT.incrementAndGet(), 1L).key();
        var learner = learner();
        mvc.perform(multipart(API)
                        .file(csv(
                                "api.csv", "mobile,certificate,date\n" + mobile(learner) + ",home-safety,2026-06-10\n"))
                        .header("X-Api-Key", key))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results[0].points").value(50));
        mvc.perform(multipart(API)
                        .file(new MockMultipartFile("file", "a.txt", "text/plain", new byte[] {1}))
                        .header("X-Api-Key", key))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("import.file-type"));
        mvc.perform(multipart(API)
                        .file(csv("cols.csv", "手机号,日期\n13700000001,2026-06-01\n"))
                        .header("X-Api-Key", key))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("import.missing-columns"));
    }

    @Test
    @DisplayName("LG-7.1 the operator's page: codes, template, results with masked mobiles and totals, history")
    void the_page() throws Exception {
        var page = mvc.perform(get("/admin/content/longgang/certificates").session(operator))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains(
                        "id=\"certificate-codes\"",
                        "general-knowledge（通用知识）",
                        "traffic-safety（交通安全）",
                        "id=\"certificates-form\"");

        var template = mvc.perform(
                        get("/admin/content/longgang/certificates/template").session(operator))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        var rows = Sheets.read("template.xlsx", template);
        assertThat(rows.getFirst()).isEqualTo(new SheetRow(1, java.util.List.of("手机号", "证书", "日期")));
        assertThat(rows.get(1).cell(1)).isEqualTo("general-knowledge");

        var learner = learner();
        var xlsx = Sheets.workbook(
                "s",
                java.util.List.of("手机号", "证书", "日期"),
                java.util.List.of(java.util.List.of(mobile(learner), "construction", "2026-06-09")));
        var result = mvc.perform(multipart("/admin/content/longgang/certificates")
                        .file(new MockMultipartFile("file", "page.xlsx", "application/octet-stream", xlsx))
                        .session(operator)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(result)
                .contains("id=\"certificates-done\"", "data-points=\"50\"", "id=\"certificates-total\">50<")
                .contains(org.jifen.shared.Masking.mobile(mobile(learner)))
                .doesNotContain(mobile(learner))
                .contains("id=\"certificates-history\"", "page.xlsx");

        var refused = mvc.perform(multipart("/admin/content/longgang/certificates")
                        .file(csv("page-bad.csv", "手机号,证书,日期\n" + mobile(learner) + ",nope,2026-06-09\n"))
                        .session(operator)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(refused)
                .contains("id=\"certificates-refused\"", "data-row=\"2\"", "data-code=\"certificates.unknown-code\"")
                .doesNotContain("id=\"certificates-done\"");
    }

    /**
     * Row 2 good (general knowledge), 3 bad mobile, 4 unknown user, 5 a demo member outside the program, 6 unknown
     * code, 7 a date after today, 8 good (a topic), 9 the same person and certificate as row 2.
     */
    private String badFile(long good) {
        var m = mobile(good);
        return "手机号,证书,日期\n"
                + m + ",general-knowledge,2026-06-01\n"
                + "12345,general-knowledge,2026-06-01\n"
                + "1970099" + String.format("%04d", NEXT.incrementAndGet()) + ",general-knowledge,2026-06-01\n"
                + demoMemberOutsideLonggang() + ",general-knowledge,2026-06-01\n"
                + m + ",driving-licence,2026-06-01\n"
                + m + ",integrity,2026-06-11\n"
                + m + ",professional-ethics,2026-06-01\n"
                + m + ",General-Knowledge,2026-06-05\n";
    }

    /** A demo member (see DemoData) of another organization tree than 龙岗区. */
    private String demoMemberOutsideLonggang() {
        var program = rulebooks.program("longgang").orElseThrow();
        return IntStream.range(0, 320)
                .mapToObj(i -> "139" + String.format("%08d", 20_000_000 + i * 7_919))
                .filter(m -> accounts.findByMobile(MobileNumber.parse(m).orElseThrow())
                        .map(a -> !access.member(program, a.id())
                                && !memberships.of(a.id()).isEmpty())
                        .orElse(false))
                .findFirst()
                .orElseThrow();
    }

    private ResultActions importCsv(String name, String text, boolean goodRowsOnly) throws Exception {
        return mvc.perform(multipart(API)
                .file(csv(name, text))
                .param("goodRowsOnly", Boolean.toString(goodRowsOnly))
                .session(operator)
                .with(csrf()));
    }

    private static MockMultipartFile csv(String name, String text) {
        return new MockMultipartFile("file", name, "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }

    /** A fresh learner of 龙岗区/平湖街道/山厦社区, so that no test sees another's certificates. */
    private long learner() {
        var mobile = MobileNumber.parse("1970088" + String.format("%04d", NEXT.incrementAndGet()))
                .orElseThrow();
        var id = accounts.createActive(new NewAccount(mobile, "证书学员", null, Demo.PASSWORD));
        memberships.join(id, organizations.resolve("龙岗区/平湖街道/山厦社区").orElseThrow(), null, false);
        return id;
    }

    private long id(String mobile) {
        return accounts.findByMobile(MobileNumber.parse(mobile).orElseThrow())
                .orElseThrow()
                .id();
    }

    private String mobile(long id) {
        return accounts.find(id).orElseThrow().mobile();
    }

    private LearningEvent online(long userId, String code) {
        return new LearningEvent(
                "online-" + code + "-" + userId,
                Long.toString(userId),
                "certificate",
                code,
                null,
                Map.of("channel", "online"),
                clock.instant());
    }
}
