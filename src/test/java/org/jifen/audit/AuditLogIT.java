package org.jifen.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jifen.shared.Actor;
import org.jifen.support.Demo;
import org.jifen.support.JifenIntegrationTest;
import org.jifen.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

@JifenIntegrationTest
class AuditLogIT {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    AuditLog auditLog;

    @Autowired
    AuditEntries entries;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @org.springframework.boot.flyway.autoconfigure.FlywayDataSource
    javax.sql.DataSource ownerDataSource;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    MutableClock clock;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    @AfterEach
    void restore() {
        clock.reset();
        SecurityContextHolder.clearContext();
    }

    /** An action name no other test uses, so that filters find exactly what this test recorded. */
    private static String uniqueAction(String what) {
        return "it" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() + "." + what;
    }

    private long countOf(String action) {
        return jdbc.sql("select count(*) from audit.audit_entry where action = ?")
                .param(action)
                .query(Long.class)
                .single();
    }

    private void actAs(long id, String label, String... roles) {
        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken(new TestActor(id, label, Set.of(roles)), null));
    }

    private record TestActor(long actorId, String actorLabel, Set<String> roleNames) implements Actor {}

    @Test
    @DisplayName("AUDIT a record made inside a transaction commits with it")
    void commits_with_the_change() {
        var action = uniqueAction("commit");

        tx.executeWithoutResult(s -> auditLog.record(AuditRecord.of(action, "thing", 1)));

        assertThat(countOf(action)).isEqualTo(1);
    }

    @Test
    @DisplayName("AUDIT a record made inside a transaction that rolls back is gone with the change")
    void rolls_back_with_the_change() {
        var action = uniqueAction("rollback");

        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
                    auditLog.record(AuditRecord.of(action, "thing", 1));
                    throw new IllegalStateException("the change failed");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(countOf(action)).isZero();
    }

    @Test
    @DisplayName("AUDIT a change cannot be recorded outside the transaction that makes it")
    void record_needs_a_transaction() {
        var action = uniqueAction("no-tx");

        assertThatThrownBy(() -> auditLog.record(AuditRecord.of(action, "thing", 1)))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(countOf(action)).isZero();
    }

    @Test
    @DisplayName("AUDIT who, roles, what, which object, before/after, reason, time; mobiles masked")
    void records_everything_masked() {
        var action = uniqueAction("rename");
        clock.set(Instant.parse("2026-05-04T01:02:03Z"));
        actAs(77, "张*明 138****5678", "org_admin", "learner");

        tx.executeWithoutResult(s -> auditLog.record(AuditRecord.of(action, "organization", 9)
                .change("name=平湖, contact=13812345678", "name=平湖街道")
                .because("规范名称")));

        var entry = entries.find(AuditFilter.action(action), 1).entries().getFirst();
        assertThat(entry.at()).isEqualTo(Instant.parse("2026-05-04T01:02:03Z"));
        assertThat(entry.actorId()).isEqualTo(77L);
        assertThat(entry.actorLabel()).isEqualTo("张*明 138****5678");
        assertThat(entry.roles()).containsExactly("learner", "org_admin");
        assertThat(entry.objectType()).isEqualTo("organization");
        assertThat(entry.objectId()).isEqualTo("9");
        assertThat(entry.before()).isEqualTo("name=平湖, contact=138****5678");
        assertThat(entry.after()).isEqualTo("name=平湖街道");
        assertThat(entry.reason()).isEqualTo("规范名称");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "update audit.audit_entry set reason = 'rewritten' where id = ?",
                "delete from audit.audit_entry where id = ?",
                "truncate audit.audit_entry"
            })
    @DisplayName("AUDIT nobody can edit, delete or truncate an audit entry: not the application, not the table's owner")
    void entries_cannot_change(String statement) {
        var action = uniqueAction("append-only");
        auditLog.recordNow(AuditRecord.of(action, "thing", 1).because("original"));
        var before = entries.find(AuditFilter.action(action), 1).entries().getFirst();
        var owner = JdbcClient.create(ownerDataSource);
        var tableOwner = owner.sql(
                        "select tableowner from pg_tables where schemaname = 'audit' and tablename = 'audit_entry'")
                .query(String.class)
                .single();
        assertThat(jdbc.sql("select current_user").query(String.class).single()).isNotEqualTo(tableOwner);
        assertThat(owner.sql("select current_user").query(String.class).single())
                .isEqualTo(tableOwner);

        // the application's login lacks the privilege ...
        assertThatThrownBy(() -> run(jdbc, statement, before.id()))
                .rootCause()
                .hasMessageContaining("permission denied")
                .extracting(e -> ((java.sql.SQLException) e).getSQLState())
                .isEqualTo("42501"); // insufficient_privilege
        // ... and the owner, who has it, is stopped by the append-only trigger
        assertThatThrownBy(() -> run(owner, statement, before.id()))
                .rootCause()
                .hasMessageContaining("append-only")
                .extracting(e -> ((java.sql.SQLException) e).getSQLState())
                .isEqualTo("42501");

        assertThat(entries.find(AuditFilter.action(action), 1).entries()).containsExactly(before);
    }

    @Test
    @DisplayName("AUDIT the application's login cannot disable the append-only trigger")
    void the_application_cannot_disable_the_trigger() {
        assertThatThrownBy(() -> jdbc.sql("alter table audit.audit_entry disable trigger audit_entry_append_only")
                        .update())
                .rootCause()
                .hasMessageContaining("must be owner");
    }

    private static int run(JdbcClient client, String statement, long id) {
        var sql = client.sql(statement);
        return (statement.contains("?") ? sql.param(id) : sql).update();
    }

    @Test
    @DisplayName("AUDIT the auditor's filters: actor, action prefix, object, Shanghai days, reason; newest first")
    void filters() {
        var prefix = uniqueAction("filter");
        actAs(501, "甲*人 139****0001", "org_admin");
        clock.set(Instant.parse("2026-03-01T15:59:59Z")); // 23:59:59 on 1 March in Shanghai
        auditLog.recordNow(
                AuditRecord.of(prefix + ".rename", "organization", 11).because("改名 50% 完成"));
        actAs(502, "乙*人 139****0002", "program_operator");
        clock.set(Instant.parse("2026-03-01T16:00:00Z")); // midnight starting 2 March in Shanghai
        auditLog.recordNow(AuditRecord.of(prefix + ".move", "organization", 12).because("调整隶属"));
        clock.set(Instant.parse("2026-03-03T02:00:00Z"));
        auditLog.recordNow(AuditRecord.of(prefix + ".grant", "account", 11).because("新任管理员"));

        assertThat(actions(new AuditFilter(null, prefix, null, null, null, null, null)))
                .containsExactly(prefix + ".grant", prefix + ".move", prefix + ".rename");
        assertThat(actions(new AuditFilter(null, prefix + ".r", null, null, null, null, null)))
                .containsExactly(prefix + ".rename");
        assertThat(actions(new AuditFilter("甲*人", prefix, null, null, null, null, null)))
                .containsExactly(prefix + ".rename");
        assertThat(actions(new AuditFilter("502", prefix, null, null, null, null, null)))
                .containsExactly(prefix + ".grant", prefix + ".move");
        assertThat(actions(new AuditFilter(null, prefix, "organization", null, null, null, null)))
                .containsExactly(prefix + ".move", prefix + ".rename");
        assertThat(actions(new AuditFilter(null, prefix, null, "11", null, null, null)))
                .containsExactly(prefix + ".grant", prefix + ".rename");
        var march2 = LocalDate.of(2026, 3, 2);
        assertThat(actions(new AuditFilter(null, prefix, null, null, march2, march2, null)))
                .containsExactly(prefix + ".move");
        assertThat(actions(new AuditFilter(null, prefix, null, null, null, LocalDate.of(2026, 3, 1), null)))
                .containsExactly(prefix + ".rename");
        assertThat(actions(new AuditFilter(null, prefix, null, null, march2, null, null)))
                .containsExactly(prefix + ".grant", prefix + ".move");
        assertThat(actions(new AuditFilter(null, prefix, null, null, null, null, "50%")))
                .containsExactly(prefix + ".rename");
        assertThat(actions(new AuditFilter(null, prefix, null, null, null, null, "0%")))
                .containsExactly(prefix + ".rename");
        assertThat(actions(new AuditFilter(null, prefix, null, null, null, null, "_")))
                .isEmpty();
        assertThat(entries.count(new AuditFilter(null, prefix, "account", null, null, null, null)))
                .isEqualTo(1);
    }

    @Test
    @DisplayName("AUDIT 50 entries a page with the total count")
    void pages() {
        var action = uniqueAction("page");
        for (int i = 0; i < 51; i++) {
            clock.advance(java.time.Duration.ofSeconds(1));
            auditLog.recordNow(AuditRecord.of(action, "thing", i));
        }

        var first = entries.find(AuditFilter.action(action), 1);
        var second = entries.find(AuditFilter.action(action), 2);

        assertThat(first.total()).isEqualTo(51);
        assertThat(first.entries()).hasSize(50);
        assertThat(first.entries().getFirst().objectId()).isEqualTo("50");
        assertThat(second.entries()).extracting(AuditEntry::objectId).containsExactly("0");
        assertThat(second.hasNext()).isFalse();
    }

    private List<String> actions(AuditFilter filter) {
        return entries.find(filter, 1).entries().stream()
                .map(AuditEntry::action)
                .toList();
    }

    @Test
    @DisplayName("LG-16 the auditor exports the filtered log to .xlsx, and the export is itself audited")
    void exports_xlsx() throws Exception {
        var prefix = uniqueAction("export");
        actAs(601, "丙*人 139****0003", "org_admin");
        clock.set(Instant.parse("2026-04-01T02:03:04Z"));
        auditLog.recordNow(AuditRecord.of(prefix + ".one", "organization", 5)
                .change("旧名", "新名")
                .because("更名"));
        clock.advance(java.time.Duration.ofMinutes(1));
        auditLog.recordNow(AuditRecord.of(prefix + ".two", "account", 6).because("授权"));
        auditLog.recordNow(AuditRecord.of(uniqueAction("elsewhere"), "organization", 5));
        SecurityContextHolder.clearContext();
        var exportsBefore = countOf("audit.export");

        var bytes = mvc.perform(get("/admin/audit/export")
                        .param("action", prefix)
                        .param("lang", "en")
                        .with(user(users.loadUserByUsername(Demo.AUDITOR))))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();

        var rows = new ArrayList<List<String>>();
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            var cells = new DataFormatter();
            for (var row : workbook.getSheetAt(0)) {
                var values = new ArrayList<String>();
                for (int i = 0; i < 10; i++) {
                    values.add(cells.formatCellValue(row.getCell(i)));
                }
                rows.add(values);
            }
        }
        assertThat(rows.getFirst())
                .containsExactly(
                        "Time",
                        "Actor",
                        "Roles",
                        "Action",
                        "Object type",
                        "Object id",
                        "Before",
                        "After",
                        "Reason",
                        "Client address");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).subList(0, 9))
                .containsExactly(
                        "2026-04-01 10:04:04",
                        "丙*人 139****0003",
                        "Organization admin",
                        prefix + ".two",
                        "account",
                        "6",
                        "",
                        "",
                        "授权");
        assertThat(rows.get(2).subList(0, 9))
                .containsExactly(
                        "2026-04-01 10:03:04",
                        "丙*人 139****0003",
                        "Organization admin",
                        prefix + ".one",
                        "organization",
                        "5",
                        "旧名",
                        "新名",
                        "更名");

        assertThat(countOf("audit.export")).isEqualTo(exportsBefore + 1);
        var export =
                entries.find(AuditFilter.action("audit.export"), 1).entries().getFirst();
        assertThat(export.actorLabel()).isEqualTo("审*员 138****0003");
        assertThat(export.roles()).contains("auditor");
        assertThat(export.after()).isEqualTo("action=" + prefix + "; rows=2");
    }

    @Test
    @DisplayName("AUDIT the auditor sees the page and the API, filtered")
    void auditor_reads() throws Exception {
        var action = uniqueAction("visible");
        auditLog.recordNow(AuditRecord.of(action, "organization", 8).because("看得见"));
        var auditor = user(users.loadUserByUsername(Demo.AUDITOR));
        var exportsBefore = countOf("audit.export");

        mvc.perform(get("/admin/audit").param("action", action).with(auditor))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(action)))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("看得见")));
        mvc.perform(get("/api/v1/audit/entries").param("action", action).with(auditor))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.pageSize").value(50))
                .andExpect(jsonPath("$.entries[0].action").value(action))
                .andExpect(jsonPath("$.entries[0].reason").value("看得见"));
        mvc.perform(get("/api/v1/audit/entries").param("from", "yesterday").with(auditor))
                .andExpect(status().isBadRequest());
        // looking is not audited: only exports are
        assertThat(countOf("audit.export")).isEqualTo(exportsBefore);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {Demo.SYSTEM_ADMIN, Demo.SECURITY_ADMIN, Demo.ORG_ADMIN, Demo.LEARNER})
    @DisplayName("AUDIT only the auditor reads the log: every other role gets 403 on the page, the export and the API")
    void others_are_refused(String mobile) throws Exception {
        var other = user(users.loadUserByUsername(mobile));
        var exportsBefore = countOf("audit.export");

        mvc.perform(get("/admin/audit").with(other)).andExpect(status().isForbidden());
        mvc.perform(get("/admin/audit/export").with(other)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/audit/entries").with(other))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("forbidden"));
        assertThat(countOf("audit.export")).isEqualTo(exportsBefore);
    }

    @Test
    @DisplayName("AUDIT the anonymous visitor is sent to log in, and the API answers 401")
    void anonymous_is_refused() throws Exception {
        mvc.perform(get("/admin/audit").accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/audit/entries")).andExpect(status().isUnauthorized());
    }

    @Test
    @DisplayName("AUDIT the auditor changes nothing: no write endpoint anywhere admits the AUDITOR role")
    void auditor_has_no_write_endpoint() {
        var writes = new ArrayList<String>();
        var inspected = new AtomicInteger();
        handlers.getHandlerMethods().forEach((mapping, method) -> {
            var verbs = mapping.getMethodsCondition().getMethods();
            boolean write = verbs.isEmpty()
                    || verbs.stream()
                            .anyMatch(v ->
                                    v != RequestMethod.GET && v != RequestMethod.HEAD && v != RequestMethod.OPTIONS);
            if (!write) {
                return;
            }
            inspected.incrementAndGet();
            var rule = method.getMethodAnnotation(org.springframework.security.access.prepost.PreAuthorize.class);
            if (rule == null) {
                rule = method.getBeanType()
                        .getAnnotation(org.springframework.security.access.prepost.PreAuthorize.class);
            }
            if (rule != null && rule.value().contains("AUDITOR")) {
                writes.add(mapping + " " + rule.value());
            }
        });

        assertThat(inspected.get()).as("write endpoints inspected").isPositive();
        assertThat(writes).isEmpty();
    }
}
