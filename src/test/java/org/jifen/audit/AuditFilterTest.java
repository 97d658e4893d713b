package org.jifen.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AuditFilterTest {

    @Test
    @DisplayName("AUDIT days of the filter are days in Shanghai, both ends included")
    void days_are_shanghai_days() {
        var day = LocalDate.of(2026, 3, 2);
        var filter = new AuditFilter(null, null, null, null, day, day, null);

        assertThat(filter.fromInstant()).isEqualTo(Instant.parse("2026-03-01T16:00:00Z"));
        assertThat(filter.toInstantExclusive()).isEqualTo(Instant.parse("2026-03-02T16:00:00Z"));
        assertThat(AuditFilter.none().fromInstant()).isNull();
        assertThat(AuditFilter.none().toInstantExclusive()).isNull();
    }

    @Test
    @DisplayName("AUDIT blank filter fields count as absent and text is trimmed")
    void blanks_are_absent() {
        var filter = new AuditFilter(" ", "", "\t", null, null, null, "  moved  ");

        assertThat(filter.actor()).isNull();
        assertThat(filter.action()).isNull();
        assertThat(filter.objectType()).isNull();
        assertThat(filter.reason()).isEqualTo("moved");
    }

    @Test
    @DisplayName("AUDIT an actor filter made of digits also matches the actor's id")
    void numeric_actor_is_an_id() {
        assertThat(new AuditFilter("42", null, null, null, null, null, null).actorId())
                .isEqualTo(42L);
        assertThat(new AuditFilter("-7", null, null, null, null, null, null).actorId())
                .isEqualTo(-7L);
        assertThat(new AuditFilter("138****0003", null, null, null, null, null, null).actorId())
                .isNull();
        assertThat(AuditFilter.none().actorId()).isNull();
    }

    @Test
    @DisplayName("LG-16 an export's audit summary names the filter that was exported")
    void summary_names_the_set_parts() {
        var filter =
                new AuditFilter("审*员", "org.", null, "9", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31), null);

        assertThat(filter.summary()).isEqualTo("actor=审*员; action=org.; objectId=9; from=2026-01-01; to=2026-01-31");
        assertThat(AuditFilter.none().summary()).isEqualTo("(all)");
    }

    @Test
    @DisplayName("AUDIT an entry's recorded roles read back one by one")
    void roles_of_an_entry() {
        var entry =
                new AuditEntry(1, Instant.EPOCH, 3L, "a", "auditor,learner", "x", "y", null, null, null, null, null);
        var system = new AuditEntry(2, Instant.EPOCH, null, "system", "", "x", "y", null, null, null, null, null);

        assertThat(entry.roles()).containsExactly("auditor", "learner");
        assertThat(system.roles()).isEmpty();
    }

    @Test
    @DisplayName("AUDIT paging: 50 a page, at least one page, next and previous where they exist")
    void paging() {
        assertThat(new AuditPage(java.util.List.of(), 1, 50, 0).pages()).isEqualTo(1);
        var middle = new AuditPage(java.util.List.of(), 2, 50, 101);
        assertThat(middle.pages()).isEqualTo(3);
        assertThat(middle.hasPrevious()).isTrue();
        assertThat(middle.hasNext()).isTrue();
        var last = new AuditPage(java.util.List.of(), 3, 50, 101);
        assertThat(last.hasNext()).isFalse();
    }
}
