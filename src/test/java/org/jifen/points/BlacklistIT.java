package org.jifen.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jifen.account.Accounts;
import org.jifen.points.domain.LearningEvent;
import org.jifen.support.Demo;
import org.jifen.support.JifenIntegrationTest;
import org.jifen.support.Sessions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** LG-14: the security admin blacklists an account; it keeps logging in, earns nothing, and its points are cleared. */
@JifenIntegrationTest
@Import(TestRulebooks.class)
class BlacklistIT {

    static final AtomicInteger IDS = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    PointsLedger ledger;

    @Autowired
    JdbcClient jdbc;

    LearningEvent article(long user, String item) {
        return new LearningEvent(
                "bl-it-" + IDS.incrementAndGet(),
                "" + user,
                "article-read",
                item,
                null,
                null,
                Instant.parse("2026-03-02T01:00:00Z"));
    }

    long audited(String action, long user) {
        return jdbc.sql("select count(*) from audit.audit_entry where action = ? and object_id = ?")
                .params(action, String.valueOf(user))
                .query(Long.class)
                .single();
    }

    @Test
    @DisplayName(
            "LG-14 blacklisting resets the points to 0 with a reset entry; events answer blacklisted; login still works; lifting restores earning, not the points; all audited")
    void blacklist_and_lift() throws Exception {
        long u = TestAccounts.learner(accounts);
        var mobile = TestAccounts.mobile(accounts, u);
        ledger.recordAll("longgang", List.of(article(u, "k1"), article(u, "k2")));
        assertThat(ledger.balance("longgang", u).lifetime()).isEqualTo(10);

        var admin = Sessions.login(mvc, Demo.SECURITY_ADMIN);
        mvc.perform(post("/admin/blacklist")
                        .session(admin)
                        .with(csrf())
                        .param("mobile", mobile)
                        .param("reason", "刷分"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/admin/blacklist").session(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("blacklist-" + u)))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(mobile))));

        var balance = ledger.balance("longgang", u);
        assertThat(balance.lifetime()).isZero();
        assertThat(balance.redeemable()).isZero();
        var reset = ledger.entries("longgang", u, null, null, 0).getFirst();
        assertThat(reset.kind()).isEqualTo("reset");
        assertThat(reset.lifetime()).isEqualTo(-10);
        assertThat(reset.redeemable()).isEqualTo(-10);

        var during = ledger.record("longgang", article(u, "k3"));
        assertThat(during.points()).isZero();
        assertThat(during.reason()).isEqualTo("blacklisted");
        Sessions.login(mvc, mobile); // still logs in

        mvc.perform(post("/admin/blacklist/" + u + "/lift")
                        .session(admin)
                        .with(csrf())
                        .param("reason", "申诉成立"))
                .andExpect(status().is3xxRedirection());
        assertThat(ledger.record("longgang", article(u, "k4")).points()).isEqualTo(5);
        assertThat(ledger.balance("longgang", u).lifetime()).isEqualTo(5);

        assertThat(audited("account.blacklist", u)).isEqualTo(1);
        assertThat(audited("points.reset", u)).isEqualTo(1);
        assertThat(audited("account.blacklist-lift", u)).isEqualTo(1);
    }

    @Autowired
    org.jifen.account.Blacklist blacklist;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @Test
    @DisplayName(
            "LG-14 a blacklisted account's balance row created later (a new program) is blocked too, in the ledger's own transaction and in a caller's; lifting unblocks it")
    void new_balance_rows_follow_the_blacklist() {
        long u = TestAccounts.learner(accounts);
        blacklist.add(TestAccounts.mobile(accounts, u), "刷分");
        var noRow = "delete from points.balance where user_id = ?";
        jdbc.sql(noRow).param(u).update();
        assertThat(ledger.record("longgang", article(u, "n1")).reason()).isEqualTo("blacklisted");

        jdbc.sql(noRow).param(u).update();
        var inCallersTransaction = new org.springframework.transaction.support.TransactionTemplate(transactions)
                .execute(s -> ledger.recordAll("longgang", List.of(article(u, "n2"))));
        assertThat(inCallersTransaction.getFirst().reason()).isEqualTo("blacklisted");

        blacklist.lift(u, "申诉成立");
        jdbc.sql(noRow).param(u).update();
        assertThat(ledger.record("longgang", article(u, "n3")).points()).isEqualTo(5);
        blacklist.add(TestAccounts.mobile(accounts, u), "再犯");
        assertThat(ledger.record("longgang", article(u, "n4")).reason()).isEqualTo("blacklisted");
        blacklist.lift(u, "申诉成立");
        assertThat(ledger.record("longgang", article(u, "n5")).points()).isEqualTo(5);
    }

    @Test
    @DisplayName("LG-14 only the security admin opens the blacklist")
    void only_security_admin() throws Exception {
        mvc.perform(get("/admin/blacklist").session(Sessions.login(mvc, Demo.SYSTEM_ADMIN)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/blacklist").session(Sessions.login(mvc, Demo.SECURITY_ADMIN)))
                .andExpect(status().isOk());
    }
}
