package org.jifen.rulebook;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.jifen.account.SignedInUser;
import org.jifen.audit.AuditLog;
import org.jifen.audit.AuditRecord;
import org.jifen.org.Organizations;
import org.jifen.rulebook.persistence.RulebookCache;
import org.jifen.rulebook.persistence.RulebookRows;
import org.jifen.rulebook.persistence.RulebookRows.StoredVersion;
import org.jifen.shared.web.Problem;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The staff's changes of programs and rulebooks, each audited in its own transaction: create a program, upload a
 * rulebook (validated completely; a valid one becomes a new draft, an invalid one is returned with every problem
 * and stores nothing), activate a draft, which publishes a notice of what changed to the program's learners
 * (LG-18). An active version is never changed: the database refuses it too.
 */
@Service
public class RulebookEditing {

    public static final String KEY_PATTERN = "[a-z0-9-]{2,40}";
    /**
     * The language of a notice's text as published, kept as the record of what was said; readers see the notice
     * worded in theirs.
     */
    static final Locale NOTICE_LOCALE = Locale.SIMPLIFIED_CHINESE;

    private final RulebookRows rows;
    private final RulebookCache cache;
    private final ProgramRulebooks rulebooks;
    private final Organizations organizations;
    private final NoticeWording wording;
    private final AuditLog audit;
    private final Clock clock;

    RulebookEditing(
            RulebookRows rows,
            RulebookCache cache,
            ProgramRulebooks rulebooks,
            Organizations organizations,
            NoticeWording wording,
            AuditLog audit,
            Clock clock) {
        this.rows = rows;
        this.cache = cache;
        this.rulebooks = rulebooks;
        this.organizations = organizations;
        this.wording = wording;
        this.audit = audit;
        this.clock = clock;
    }

    /** The outcome of an upload: the new draft's number, or every problem of the document (and nothing stored). */
    public record Upload(Integer version, List<RulebookProblem> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    /**
     * Creates a program for {@code orgId}'s subtree, audited.
     *
     * @throws Problem {@code rulebook.key-format}, {@code rulebook.name-required}, {@code rulebook.org-not-found},
     *     {@code rulebook.time-zone}, {@code rulebook.out-of-scope}, {@code rulebook.key-taken}
     */
    @Transactional
    public Program createProgram(String key, String name, Long orgId, String timeZone, SignedInUser actor) {
        var program = insertProgram(key, name, orgId, timeZone, actor, true);
        audit.record(AuditRecord.of("rulebook.program-create", "program", program.key())
                .change(
                        null,
                        "name=" + program.name() + ", org=" + organizations.namePath(organizations.get(orgId))
                                + ", timeZone=" + program.timeZone().getId()));
        return program;
    }

    /**
     * Validates {@code yaml} completely; a valid rulebook becomes the program's next version, a draft, audited.
     * An invalid one is returned with all its problems and nothing is stored.
     */
    @Transactional
    public Upload upload(String key, String yaml, SignedInUser actor) {
        var program = rulebooks.managed(key, actor);
        var read = RulebookDocument.fromYaml(yaml);
        if (!read.valid()) {
            return new Upload(null, read.problems());
        }
        program = rows.lockProgram(key).orElseThrow();
        int version = storeDraft(program, read.rulebook().orElseThrow(), yaml, actor);
        var book = read.rulebook().orElseThrow();
        audit.record(AuditRecord.of("rulebook.upload", "rulebook_version", key + "/v" + version)
                .change(null, "status=draft, " + summary(book)));
        return new Upload(version, List.of());
    }

    /**
     * Activates a draft: it judges events from its effective time on (LG-20); older drafts are withdrawn; a notice
     * of the changes against the latest active version is published (LG-18); audited with the reason.
     *
     * @throws Problem {@code rulebook.version-not-found}, {@code rulebook.not-draft}, {@code rulebook.out-of-scope}
     */
    @Transactional
    public StoredVersion activate(String key, int version, String reason, SignedInUser actor) {
        rulebooks.managed(key, actor);
        var why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > 500) {
            throw Problem.badRequest("rulebook.reason-too-long");
        }
        var activated = activateLocked(key, version, why, actor);
        audit.record(AuditRecord.of("rulebook.activate", "rulebook_version", key + "/v" + version)
                .change("status=draft", "status=active, " + summary(activated.rulebook()))
                .because(why));
        return activated;
    }

    /**
     * Creates a program with a preset as its version 1, activated, with its notice: for demo data and setup, not
     * audited (nobody acts). Does nothing when the program exists.
     */
    @Transactional
    public void setUpPreset(String key, String name, long orgId, String preset) {
        if (rows.program(key).isPresent()) {
            return;
        }
        var yaml = Presets.yaml(preset).orElseThrow(() -> new IllegalArgumentException("no preset " + preset));
        var book = Presets.load(preset);
        var program = insertProgram(key, name, orgId, book.timeZone().getId(), null, false);
        int version = storeDraft(program, book, yaml, null);
        activateLocked(key, version, null, null);
    }

    private Program insertProgram(
            String key, String name, Long orgId, String timeZone, SignedInUser actor, boolean checkScope) {
        var k = key == null ? "" : key.strip();
        if (!k.matches(KEY_PATTERN)) {
            throw Problem.badRequest("rulebook.key-format", k);
        }
        var n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 100) {
            throw Problem.badRequest("rulebook.name-required");
        }
        if (orgId == null || organizations.find(orgId).isEmpty()) {
            throw Problem.badRequest("rulebook.org-not-found", orgId);
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(timeZone == null || timeZone.isBlank() ? "Asia/Shanghai" : timeZone.strip());
        } catch (DateTimeException e) {
            throw Problem.badRequest("rulebook.time-zone", timeZone);
        }
        if (checkScope && !rulebooks.manages(actor, orgId)) {
            throw Problem.forbidden("rulebook.out-of-scope", k);
        }
        Program program;
        try {
            program = rows.insertProgram(k, n, orgId, zone, clock.instant());
        } catch (DuplicateKeyException e) {
            throw Problem.conflict("rulebook.key-taken", k);
        }
        changed();
        return program;
    }

    private int storeDraft(Program program, Rulebook book, String yaml, SignedInUser actor) {
        int version = rows.nextVersion(program.id());
        rows.insertDraft(program.id(), version, book, yaml, clock.instant(), actor == null ? null : actor.id());
        changed();
        return version;
    }

    private StoredVersion activateLocked(String key, int version, String reason, SignedInUser actor) {
        var program = rows.lockProgram(key).orElseThrow(() -> Problem.notFound("rulebook.program-not-found", key));
        var draft = rulebooks.storedVersion(program, version);
        if (!draft.draft()) {
            throw Problem.conflict("rulebook.not-draft", key, version);
        }
        var previous = rulebooks.latestActive(program);
        var now = clock.instant();
        rows.activate(program.id(), version, now, actor == null ? null : actor.id(), reason);
        rows.withdrawDraftsBefore(program.id(), version);
        var activated = rulebooks.storedVersion(program, version);
        var notice = wording.notice(program, activated, previous.orElse(null), now, NOTICE_LOCALE);
        rows.insertNotice(program.id(), version, notice.previousVersion(), notice.title(), notice.body(), now);
        changed();
        return activated;
    }

    /** Counts the change for other nodes and refreshes this node's cache once the transaction has committed. */
    private void changed() {
        rows.bumpRevision();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    cache.invalidate();
                }
            });
        } else {
            cache.invalidate();
        }
    }

    private static String summary(Rulebook book) {
        return "effectiveFrom=" + book.effectiveFrom().atZone(book.timeZone()).toOffsetDateTime()
                + (book.validUntil() == null
                        ? ""
                        : ", validUntil="
                                + book.validUntil().atZone(book.timeZone()).toOffsetDateTime())
                + ", rules=" + book.rules().size();
    }
}
