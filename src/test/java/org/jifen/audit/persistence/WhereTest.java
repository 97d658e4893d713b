package org.jifen.audit.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import org.jifen.audit.AuditFilter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WhereTest {

    @Test
    @DisplayName("AUDIT no filter, no where clause")
    void no_filter() {
        var where = JdbcAuditEntries.Where.of(AuditFilter.none());

        assertThat(where.sql()).isEmpty();
        assertThat(where.params()).isEmpty();
    }

    @Test
    @DisplayName("AUDIT what the auditor types reaches the database only as bind parameters")
    void values_are_parameters() {
        var hostile = "x'; drop table audit.audit_entry; --";
        var where = JdbcAuditEntries.Where.of(new AuditFilter(
                hostile, hostile, hostile, hostile, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 2), hostile));

        assertThat(where.sql()).doesNotContain("drop").doesNotContain("x'");
        assertThat(where.sql().chars().filter(c -> c == '?').count())
                .isEqualTo(where.params().size());
        assertThat(where.params())
                .contains(
                        "%x'; drop table audit.audit\\_entry; --%",
                        "x'; drop table audit.audit\\_entry; --%",
                        hostile,
                        Timestamp.from(Instant.parse("2026-03-01T16:00:00Z")),
                        Timestamp.from(Instant.parse("2026-03-02T16:00:00Z")));
    }

    @Test
    @DisplayName("AUDIT wildcards typed into a filter match only themselves")
    void wildcards_are_literal() {
        var where = JdbcAuditEntries.Where.of(new AuditFilter(null, "a%b_c\\", null, null, null, null, "100%"));

        assertThat(where.params()).containsExactly("a\\%b\\_c\\\\%", "%100\\%%");
    }

    @Test
    @DisplayName("AUDIT an actor given as a number matches the label or the id")
    void numeric_actor() {
        var where = JdbcAuditEntries.Where.of(new AuditFilter("42", null, null, null, null, null, null));

        assertThat(where.sql()).contains("actor_id = ?");
        assertThat(where.params()).containsExactly("%42%", 42L);
    }
}
