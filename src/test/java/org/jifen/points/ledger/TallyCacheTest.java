package org.jifen.points.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TallyCacheTest {

    static final LocalDate FEB_27 = LocalDate.of(2026, 2, 27);
    static final LocalDate MAR_10 = LocalDate.of(2026, 3, 10);

    static UserTally tally() {
        var t = new UserTally();
        t.loadDay("article-read", FEB_27, 15, 3, 0);
        t.loadDay("article-read", MAR_10, 5, 1, 0);
        return t;
    }

    @Test
    @DisplayName("an entry covers every day from its first on, the days after its last write included")
    void covers_later_days() {
        var e = new TallyCache.Entry(tally(), 7, false, LocalDate.of(2026, 2, 1));
        assertThat(e.covers(LocalDate.of(2026, 2, 1))).isTrue();
        assertThat(e.covers(LocalDate.of(2026, 12, 31))).isTrue();
        assertThat(e.covers(LocalDate.of(2026, 1, 31))).isFalse();
    }

    @Test
    @DisplayName(
            "after a write in a new month an entry forgets the days no judgement of it reads, and no longer covers them")
    void forgets_days_before_the_month() {
        var e = new TallyCache.Entry(tally(), 7, false, LocalDate.of(2026, 2, 1)).after(8, MAR_10);
        assertThat(e.revision()).isEqualTo(8);
        assertThat(e.from()).isEqualTo(LocalDate.of(2026, 3, 1)); // March 10's month starts after its week's Monday
        assertThat(e.tally().pointsOnDay("article-read", FEB_27)).isZero();
        assertThat(e.tally().pointsOnDay("article-read", MAR_10)).isEqualTo(5);
        assertThat(e.covers(FEB_27)).isFalse();
        assertThat(e.covers(MAR_10)).isTrue();
    }

    @Test
    @DisplayName("within the days a judgement may still read, an entry keeps everything it knows")
    void keeps_what_may_be_read() {
        var e = new TallyCache.Entry(tally(), 7, false, LocalDate.of(2026, 2, 23)).after(8, LocalDate.of(2026, 3, 1));
        assertThat(e.from()).isEqualTo(LocalDate.of(2026, 2, 23)); // March 1 is a Sunday: its week began on Feb 23
        assertThat(e.tally().pointsOnDay("article-read", FEB_27)).isEqualTo(15);
    }
}
