package org.jifen.points.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jifen.points.LedgerEntry;
import org.jifen.rulebook.PointsRule;
import org.jifen.rulebook.Program;
import org.jifen.rulebook.RulebookVersion;
import org.jifen.rulebook.Rulebooks;
import org.springframework.stereotype.Component;

/**
 * Ledger entries as people read them: the time in the program's zone and the cause in words, the title of the rule
 * (in the rulebook version that produced the entry) or the staff member's reason.
 */
@Component
class EntryLines {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Rulebooks rulebooks;

    EntryLines(Rulebooks rulebooks) {
        this.rulebooks = rulebooks;
    }

    List<EntryLine> of(Program program, List<LedgerEntry> entries) {
        Map<Integer, RulebookVersion> versions = new HashMap<>();
        if (entries.stream().anyMatch(e -> e.ruleId() != null)) {
            rulebooks.versions(program.key()).forEach(v -> versions.put(v.version(), v));
        }
        var zone = program.timeZone() == null ? ZoneId.of("Asia/Shanghai") : program.timeZone();
        return entries.stream()
                .map(e -> {
                    String title = null;
                    if (e.ruleId() != null) {
                        var version = e.rulebookVersion() == null ? null : versions.get(e.rulebookVersion());
                        title = version == null
                                ? e.ruleId()
                                : version.rulebook()
                                        .rule(e.ruleId())
                                        .map(PointsRule::title)
                                        .orElse(e.ruleId());
                    }
                    return new EntryLine(
                            e.id(),
                            TIME.format(e.at().atZone(zone)),
                            e.day() == null ? null : e.day().toString(),
                            e.kind(),
                            e.lifetime(),
                            e.redeemable(),
                            e.ruleId(),
                            title,
                            e.rulebookVersion(),
                            e.eventId(),
                            e.reason(),
                            e.actorLabel());
                })
                .toList();
    }

    /**
     * One entry for a page.
     *
     * @param ruleTitle the rule's title for an award, else null
     * @param reason the staff member's reason for an adjustment or reset
     */
    public record EntryLine(
            long id,
            String at,
            String day,
            String kind,
            long lifetime,
            long redeemable,
            String ruleId,
            String ruleTitle,
            Integer rulebookVersion,
            String eventId,
            String reason,
            String actorLabel) {

        /** What the learner reads as the cause: the rule's title, else the reason given. */
        public String cause() {
            return ruleTitle != null ? ruleTitle : reason;
        }

        /** The points the entry moved: lifetime points, or the redeemable ones for a spend (which leaves lifetime). */
        public long points() {
            return lifetime != 0 ? lifetime : redeemable;
        }

        /** True when redeemable points moved differently from lifetime points (spends, resets). */
        public boolean redeemableDiffers() {
            return redeemable != lifetime;
        }
    }
}
