package org.jifen.points.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.jifen.account.Accounts;
import org.jifen.points.Outcome;
import org.jifen.points.PointsLedger;
import org.jifen.points.domain.EventInput;
import org.jifen.points.domain.LearningEvent;
import org.jifen.shared.MobileNumber;
import org.jifen.shared.web.Problem;
import org.springframework.stereotype.Component;

/**
 * What both ingestion front ends do with a parsed request body (one event or an array of up to 1,000): read each
 * event, resolve its user (account id or mobile number), judge and record the good ones, and answer one outcome
 * view per event in the order given. A single event goes through group commit, so concurrent requests share one
 * transaction; a batch is one transaction.
 */
@Component
public class EventIngestion {

    public static final int MAX_BATCH = 1000;

    private final PointsLedger ledger;
    private final Accounts accounts;

    EventIngestion(PointsLedger ledger, Accounts accounts) {
        this.ledger = ledger;
        this.accounts = accounts;
    }

    /**
     * The outcome views for a parsed JSON body: a map for an object, a list for an array. Throws
     * {@code events.too-many} (413) for more than {@link #MAX_BATCH} events and {@code program.not-found} (404).
     */
    public Object ingest(String program, Object body) {
        var single = !(body instanceof List<?>);
        List<?> inputs = single ? Collections.singletonList(body) : (List<?>) body;
        if (inputs.size() > MAX_BATCH) {
            throw new Problem("events.too-many", 413, MAX_BATCH);
        }
        var reads = new EventInput.Read[inputs.size()];
        var mobiles = new LinkedHashSet<String>();
        for (int i = 0; i < reads.length; i++) {
            reads[i] = EventInput.read(inputs.get(i));
            if (reads[i].ok()) {
                MobileNumber.parse(reads[i].event().user()).ifPresent(m -> mobiles.add(m.value()));
            }
        }
        var ids = mobiles.isEmpty() ? Map.<String, Long>of() : accounts.idsByMobile(mobiles);
        var events = new ArrayList<LearningEvent>();
        var positions = new ArrayList<Integer>();
        var outcomes = new Outcome[reads.length];
        for (int i = 0; i < reads.length; i++) {
            var read = reads[i];
            var account = read.ok() ? account(read.event().user(), ids) : null;
            if (!read.ok() || account == null) {
                outcomes[i] = new Outcome(read.id(), 0, read.ok() ? "unknown-user" : read.rejection(), List.of(), null);
            } else {
                var e = read.event();
                events.add(
                        new LearningEvent(e.id(), account, e.action(), e.item(), e.amount(), e.attributes(), e.at()));
                positions.add(i);
            }
        }
        var judged = single && events.size() == 1
                ? List.of(ledger.record(program, events.getFirst()))
                : ledger.recordAll(program, events);
        for (int k = 0; k < judged.size(); k++) {
            outcomes[positions.get(k)] = judged.get(k);
        }
        var out = new ArrayList<Map<String, Object>>(outcomes.length);
        for (var o : outcomes) {
            out.add(view(o));
        }
        return single ? out.getFirst() : out;
    }

    /** The account id a user field names: a mobile number (looked up) or an account id; null when neither. */
    private static String account(String user, Map<String, Long> idsByMobile) {
        var mobile = MobileNumber.parse(user);
        if (mobile.isPresent()) {
            var id = idsByMobile.get(mobile.get().value());
            return id == null ? null : String.valueOf(id);
        }
        return user.matches("[1-9][0-9]{0,17}") ? user : null;
    }

    private static Map<String, Object> view(Outcome o) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", o.eventId());
        m.put("points", o.points());
        m.put("reason", o.reason());
        m.put("rules", o.rules());
        m.put("rulebookVersion", o.rulebookVersion());
        return m;
    }
}
