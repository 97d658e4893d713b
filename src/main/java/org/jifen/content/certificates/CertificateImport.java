package org.jifen.content.certificates;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jifen.account.Accounts;
import org.jifen.account.ApiClient;
import org.jifen.account.SignedInUser;
import org.jifen.audit.AuditLog;
import org.jifen.audit.AuditRecord;
import org.jifen.content.certificates.domain.CertificateColumn;
import org.jifen.content.certificates.domain.CertificateLine;
import org.jifen.content.certificates.domain.CertificateRules;
import org.jifen.content.certificates.domain.OfflineCertificate;
import org.jifen.content.certificates.persistence.CertificateImports;
import org.jifen.content.certificates.persistence.CertificateImports.NewImport;
import org.jifen.content.certificates.persistence.CertificateImports.RecordedRow;
import org.jifen.points.PointsLedger;
import org.jifen.points.domain.LearningEvent;
import org.jifen.rulebook.Condition;
import org.jifen.rulebook.Program;
import org.jifen.rulebook.ProgramAccess;
import org.jifen.rulebook.Rulebooks;
import org.jifen.shared.Actor;
import org.jifen.shared.Masking;
import org.jifen.shared.MobileNumber;
import org.jifen.shared.sheets.HeadedSheet;
import org.jifen.shared.sheets.Sheets;
import org.jifen.shared.web.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports offline training certificates of a program (LG-7.1): all rows or none, or only the good rows when the
 * operator asks for that. Each good row becomes the learning event {@code certificate} with item = certificate code
 * and {@code channel=offline}, dated at the start of its day in the program's time zone, under the id {@code
 * offline-certificate:<userId>:<code>}; the points engine judges it (one of offline and online "General Knowledge",
 * LG-7.2.2). Imports of one program run one at a time, and a row recorded by an earlier import is reported as such
 * and recorded no more.
 */
@Service
public class CertificateImport {

    public static final String ACTION = "certificate";
    public static final int MAX_ROWS = 5_000;
    /** The reason of a row that an earlier import recorded already. */
    public static final String ALREADY_IMPORTED = "already-imported";

    private static final Logger log = LoggerFactory.getLogger(CertificateImport.class);

    private final ProgramAccess access;
    private final Rulebooks rulebooks;
    private final Accounts accounts;
    private final PointsLedger ledger;
    private final CertificateImports imports;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    CertificateImport(
            ProgramAccess access,
            Rulebooks rulebooks,
            Accounts accounts,
            PointsLedger ledger,
            CertificateImports imports,
            AuditLog audit,
            TransactionTemplate tx,
            Clock clock) {
        this.access = access;
        this.rulebooks = rulebooks;
        this.accounts = accounts;
        this.ledger = ledger;
        this.imports = imports;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * The program, when {@code actor} may import into it: a program operator whose scope covers it (or the system
     * admin), or an API client; 404 {@code program.not-found}, 403 {@code program.out-of-scope} or {@code forbidden}.
     */
    public Program program(String key, Object actor) {
        if (actor instanceof SignedInUser user) {
            return access.forOperator(key, user);
        }
        if (actor instanceof ApiClient) {
            return rulebooks.program(key).orElseThrow(() -> Problem.notFound("program.not-found", key));
        }
        throw Problem.forbidden("forbidden");
    }

    /** The certificate codes that the program's rulebook in force names in its {@code certificate} rules. */
    public SortedSet<String> codes(Program program) {
        var codes = new TreeSet<String>();
        rulebooks
                .inForce(program.key(), clock.instant())
                .ifPresent(version -> version.rulebook()
                        .rulesFor(ACTION)
                        .forEach(rule -> rule.conditions().stream()
                                .filter(Condition.ItemIn.class::isInstance)
                                .map(Condition.ItemIn.class::cast)
                                .forEach(in -> codes.addAll(in.items()))));
        return codes;
    }

    /**
     * The names the rulebook in force gives its certificates, by code ({@code general-knowledge}: 通用知识): a row may
     * name its certificate either way.
     */
    public Map<String, String> names(Program program) {
        return rulebooks
                .inForce(program.key(), clock.instant())
                .map(version -> version.rulebook().itemNames())
                .orElse(Map.of());
    }

    /** The program's imports, newest first. */
    public List<CertificateImports.ImportRecord> history(Program program) {
        return imports.history(program.key(), 50);
    }

    /** An .xlsx template: the header and one example row with a code the rulebook rewards. */
    public byte[] template(Program program) {
        var codes = codes(program);
        var example = codes.contains("general-knowledge") ? "general-knowledge" : codes.isEmpty() ? "" : codes.first();
        var header = java.util.Arrays.stream(CertificateColumn.values())
                .map(CertificateColumn::chinese)
                .toList();
        return Sheets.workbook(
                "certificates",
                header,
                List.of(List.of("13800138000", example, today(program).toString())));
    }

    /**
     * Reads, checks and, when no row has a problem (or {@code goodRowsOnly}), records the certificates. A problem
     * with the file as a whole (type, size, columns) is thrown as a 400 {@link Problem}.
     */
    public CertificateImportResult run(
            Program program, Actor actor, String fileName, byte[] content, boolean goodRowsOnly) {
        var lines = read(fileName, content);
        var today = today(program);
        var codes = codes(program);
        var names = names(program);
        var accountIds = accounts.idsByMobile(lines.stream()
                .map(l -> MobileNumber.parse(l.mobile()))
                .flatMap(Optional::stream)
                .map(MobileNumber::value)
                .distinct()
                .toList());
        var membership = new HashMap<Long, Boolean>();
        var check = CertificateRules.check(lines, new CertificateRules.Lookups() {
            @Override
            public Optional<Long> account(MobileNumber mobile) {
                return Optional.ofNullable(accountIds.get(mobile.value()));
            }

            @Override
            public boolean member(long userId) {
                return membership.computeIfAbsent(userId, id -> access.member(program, id));
            }

            @Override
            public SortedSet<String> codes() {
                return codes;
            }

            @Override
            public Map<String, String> names() {
                return names;
            }

            @Override
            public LocalDate today() {
                return today;
            }
        });
        if (!check.clean() && (!goodRowsOnly || check.good().isEmpty())) {
            log.info(
                    "Certificate import into {} of {} rows refused: {} problems",
                    program.key(),
                    lines.size(),
                    check.problems().size());
            return CertificateImportResult.refused(lines.size(), check.problems());
        }
        return tx.execute(status -> record(program, actor, fileName, check, goodRowsOnly));
    }

    private CertificateImportResult record(
            Program program, Actor actor, String fileName, CertificateRules.Check check, boolean goodRowsOnly) {
        imports.lock(program.id());
        var good = check.good();
        var earlier =
                imports.recorded(good.stream().map(OfflineCertificate::eventId).toList());
        var fresh = good.stream().filter(c -> !earlier.contains(c.eventId())).toList();
        var events = fresh.stream()
                .map(c -> new LearningEvent(
                        c.eventId(),
                        Long.toString(c.userId()),
                        ACTION,
                        c.code(),
                        null,
                        Map.of("channel", "offline"),
                        c.obtainedOn().atStartOfDay(program.timeZone()).toInstant()))
                .toList();
        var outcomes = ledger.recordAll(program.key(), events);
        var results = new ArrayList<CertificateImportResult.RowResult>();
        var recorded = new ArrayList<RecordedRow>();
        long points = 0;
        int o = 0;
        for (var c : good) {
            if (earlier.contains(c.eventId())) {
                results.add(row(c, 0, ALREADY_IMPORTED));
                continue;
            }
            var outcome = outcomes.get(o++);
            points += outcome.points();
            results.add(row(c, outcome.points(), outcome.reason()));
            recorded.add(new RecordedRow(
                    c.eventId(), c.row(), c.userId(), c.code(), c.obtainedOn(), outcome.points(), outcome.reason()));
        }
        int skipped = check.rows() - recorded.size();
        var id = imports.insert(new NewImport(
                program.key(),
                actor.actorId(),
                actor.actorLabel(),
                shorten(fileName == null ? "" : fileName),
                check.rows(),
                recorded.size(),
                skipped,
                points,
                goodRowsOnly,
                clock.instant()));
        imports.insertRows(id, recorded);
        audit.record(AuditRecord.of("certificate.import", "program", program.key())
                .change(
                        null,
                        "import=" + id + ", file=" + shorten(fileName) + ", rows=" + check.rows() + ", recorded="
                                + recorded.size() + ", points=" + points + (goodRowsOnly ? ", good rows only" : "")));
        log.info(
                "Certificate import {} into {}: {} rows, {} recorded, {} points",
                id,
                program.key(),
                check.rows(),
                recorded.size(),
                points);
        return new CertificateImportResult(id, check.rows(), check.problems(), results, recorded.size(), points);
    }

    private LocalDate today(Program program) {
        return clock.instant().atZone(program.timeZone()).toLocalDate();
    }

    private static CertificateImportResult.RowResult row(OfflineCertificate c, int points, String reason) {
        return new CertificateImportResult.RowResult(
                c.row(), Masking.mobile(c.mobile()), c.code(), c.obtainedOn(), points, reason);
    }

    private static String shorten(String fileName) {
        var name = fileName == null ? "" : fileName;
        return name.length() > 200 ? name.substring(0, 200) : name;
    }

    private static List<CertificateLine> read(String fileName, byte[] content) {
        var sheet = HeadedSheet.of(
                Sheets.read(fileName, content),
                CertificateColumn::byHeader,
                List.of(CertificateColumn.values()),
                c -> c.chinese() + "/" + c.english(),
                MAX_ROWS);
        return sheet.rows().stream()
                .map(r -> new CertificateLine(
                        r.number(),
                        sheet.cell(r, CertificateColumn.MOBILE),
                        sheet.cell(r, CertificateColumn.CERTIFICATE),
                        sheet.cell(r, CertificateColumn.DATE)))
                .toList();
    }
}
