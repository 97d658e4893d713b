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
import org.jifen.shared.Actor;
import org.jifen.shared.Futures;
import org.jifen.shared.MobileNumber;
import org.jifen.shared.web.Problem;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * What both ingestion front ends do with a parsed request body (one event or an array of up to 1,000): read each
 * event, resolve its user (account id or mobile number), judge and record the good ones, and answer one outcome
 * view per event in the order given. Events go through group commit: concurrent requests share transactions, and a
 * batch is shared out by user among the writers (each user's events in order).
 */
@Component
public class EventIngestion {

    public static final int MAX_BATCH = 1000;

    private final PointsLedger ledger;
    private final Accounts accounts;
    /** Resolved once: a bean factory lookup per request cost more than judging the event. */
    private final SingletonSupplier<org.jifen.rulebook.Rulebooks> rulebooks;

    EventIngestion(
            PointsLedger ledger,
            Accounts accounts,
            org.springframework.beans.factory.ObjectProvider<org.jifen.rulebook.Rulebooks> rulebooks) {
        this.ledger = ledger;
        this.accounts = accounts;
        this.rulebooks = SingletonSupplier.of(rulebooks::getIfAvailable);
    }

    /**
     * The same answer as {@link #ingest} without holding the caller's thread while the events commit: a single
     * event of an account id goes straight to group commit; anything that needs a lookup or a batch runs on a virtual
     * thread. Throws {@code events.too-many} and {@code program.not-found} at once; other failures complete the
     * future exceptionally.
     */
    public java.util.concurrent.CompletableFuture<Answer> ingestAsync(String program, Object body, Actor sender) {
        var books = rulebooks.get();
        if (books == null || books.program(program).isEmpty()) {
            throw Problem.notFound("program.not-found", program);
        }
        if (!(body instanceof List<?>)) {
            var read = EventInput.read(body);
            if (!read.ok()) {
                var rejected = new Outcome(read.id(), 0, read.rejection(), List.of(), null);
                return java.util.concurrent.CompletableFuture.completedFuture(Answer.of(rejected));
            }
            var e = read.event();
            if (mobile(e.user()) == null) {
                if (!accountId(e.user())) {
                    var unknown = new Outcome(read.id(), 0, "unknown-user", List.of(), null);
                    return java.util.concurrent.CompletableFuture.completedFuture(Answer.of(unknown));
                }
                return ledger.recordAsync(program, e, sender).thenApply(Answer::of);
            }
        } else if (((List<?>) body).size() > MAX_BATCH) {
            throw new Problem("events.too-many", 413, MAX_BATCH);
        }
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> answer(program, body, sender), LOOKUPS);
    }

    private static final java.util.concurrent.Executor LOOKUPS =
            java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();

    /**
     * The outcome views for a parsed JSON body: a map for an object, a list for an array. Throws
     * {@code events.too-many} (413) for more than {@link #MAX_BATCH} events and {@code program.not-found} (404).
     */
    public Object ingest(String program, Object body, Actor sender) {
        return answer(program, body, sender).views();
    }

    /** One outcome per event of a request, in the order given; {@code single} when the body was one object. */
    public record Answer(boolean single, List<Outcome> outcomes) {

        static Answer of(Outcome outcome) {
            return new Answer(true, List.of(outcome));
        }

        /** For a JSON mapper: a map for a single event, a list of maps for a batch. */
        public Object views() {
            var out = new ArrayList<Map<String, Object>>(outcomes.size());
            for (var o : outcomes) {
                out.add(view(o));
            }
            return single ? out.getFirst() : out;
        }

        /** The same JSON as {@link #views()} gives through a mapper, written directly (UTF-8). */
        public byte[] json() {
            var b = new StringBuilder(single ? 160 : 120 * outcomes.size());
            if (single) {
                outcomes.getFirst().appendJson(b, "id");
            } else {
                b.append('[');
                for (int i = 0; i < outcomes.size(); i++) {
                    if (i > 0) {
                        b.append(',');
                    }
                    outcomes.get(i).appendJson(b, "id");
                }
                b.append(']');
            }
            return b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private Answer answer(String program, Object body, Actor sender) {
        var single = !(body instanceof List<?>);
        List<?> inputs = single ? Collections.singletonList(body) : (List<?>) body;
        if (inputs.size() > MAX_BATCH) {
            throw new Problem("events.too-many", 413, MAX_BATCH);
        }
        var reads = new EventInput.Read[inputs.size()];
        var mobileOf = new MobileNumber[reads.length];
        var mobiles = new LinkedHashSet<String>();
        for (int i = 0; i < reads.length; i++) {
            reads[i] = EventInput.read(inputs.get(i));
            if (reads[i].ok()) {
                mobileOf[i] = mobile(reads[i].event().user());
                if (mobileOf[i] != null) {
                    mobiles.add(mobileOf[i].value());
                }
            }
        }
        var ids = mobiles.isEmpty() ? Map.<String, Long>of() : accounts.idsByMobile(mobiles);
        var events = new ArrayList<LearningEvent>();
        var positions = new ArrayList<Integer>();
        var outcomes = new Outcome[reads.length];
        for (int i = 0; i < reads.length; i++) {
            var read = reads[i];
            var account = read.ok() ? account(read.event().user(), mobileOf[i], ids) : null;
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
                ? List.of(Futures.joined(ledger.recordAsync(program, events.getFirst(), sender)))
                : ledger.submitAll(program, events, sender);
        for (int k = 0; k < judged.size(); k++) {
            outcomes[positions.get(k)] = judged.get(k);
        }
        return new Answer(single, List.of(outcomes));
    }

    /**
     * The mobile number a user field names, or null. Up to 10 digits cannot be a mainland mobile number (11 digits),
     * so account ids skip the phone number library, which costs more than judging the event.
     */
    private static MobileNumber mobile(String user) {
        if (user.length() <= 10 && accountId(user)) {
            return null;
        }
        return MobileNumber.parse(user).orElse(null);
    }

    /** The account id a user field names: a mobile number (looked up) or an account id; null when neither. */
    private static String account(String user, MobileNumber mobile, Map<String, Long> idsByMobile) {
        if (mobile != null) {
            var id = idsByMobile.get(mobile.value());
            return id == null ? null : String.valueOf(id);
        }
        return accountId(user) ? user : null;
    }

    /** 1 to 18 digits without a leading zero. */
    private static boolean accountId(String user) {
        return !user.isEmpty() && user.charAt(0) != '0' && EventInput.digits(user, 18);
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
