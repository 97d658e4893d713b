package org.jifen.points.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
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
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Event ingestion for external systems: one event or a batch of up to 1,000, one outcome per event. Input problems
 * are answered per event with a stable reason and 0 points; the good events of the same batch still count.
 */
@RestController
@Tag(name = "Points events", description = "Learning events in, points outcomes out (LG-7)")
@SecurityRequirement(name = "X-Api-Key")
class EventsApiController {

    static final int MAX_BATCH = 1000;

    private final PointsLedger ledger;
    private final Accounts accounts;

    EventsApiController(PointsLedger ledger, Accounts accounts) {
        this.ledger = ledger;
        this.accounts = accounts;
    }

    @PostMapping(
            path = "/api/v1/programs/{program}/events",
            consumes = "application/json",
            produces = "application/json")
    @PreAuthorize("hasAnyRole('API_CLIENT', 'SYSTEM_ADMIN', 'PROGRAM_OPERATOR')")
    @Operation(
            summary = "Record learning events",
            description = "Body: one event `{id, user, action, item?, amount?, attrs?, at}` or an array of up to 1,000."
                    + " `id` is the idempotency key: the same id again answers the stored outcome. `user` is the"
                    + " account id (number) or the mobile number; `at` is ISO-8601 with an offset; `amount` a"
                    + " non-negative whole number (seconds for video). Answers one outcome per event (an object for"
                    + " an object, an array for an array): `{id, points, reason, rules:[{ruleId, points}],"
                    + " rulebookVersion}`. Rejected events have points 0 and reason `missing-field`, `unknown-field`,"
                    + " `unknown-user`, `malformed-time`, `negative-amount`, `malformed-amount` or `malformed-event`;"
                    + " judged events may have `cap-reached`, `already-rewarded`, `item-limit-reached`,"
                    + " `already-today`, `below-whole-minute`, `not-eligible`, `blacklisted`, `unknown-action`,"
                    + " `outside-validity`. Every outcome is durable (committed) when answered.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            examples =
                                                    @ExampleObject(
                                                            value =
                                                                    "{\"id\":\"evt-1\",\"user\":\"13800000006\",\"action\":\"article-read\","
                                                                            + "\"item\":\"a-42\",\"at\":\"2026-03-02T09:30:00+08:00\"}"))))
    @ApiResponse(responseCode = "200", description = "One outcome per event")
    @ApiResponse(responseCode = "401", description = "No or unknown API key")
    @ApiResponse(responseCode = "404", description = "Unknown program (problem `program.not-found`)")
    @ApiResponse(responseCode = "413", description = "More than 1,000 events (problem `events.too-many`)")
    Object record(
            @Parameter(description = "program key, e.g. longgang") @PathVariable String program,
            @RequestBody Object body) {
        var single = !(body instanceof List<?>);
        List<?> inputs = single ? java.util.Collections.singletonList(body) : (List<?>) body;
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
        // a single event goes through group commit: concurrent requests share one transaction
        var judged = single && events.size() == 1
                ? List.of(ledger.record(program, events.getFirst()))
                : ledger.recordAll(program, events);
        for (int k = 0; k < judged.size(); k++) {
            outcomes[positions.get(k)] = judged.get(k);
        }
        var out = new ArrayList<Map<String, Object>>();
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
        var m = new java.util.LinkedHashMap<String, Object>();
        m.put("id", o.eventId());
        m.put("points", o.points());
        m.put("reason", o.reason());
        m.put("rules", o.rules());
        m.put("rulebookVersion", o.rulebookVersion());
        return m;
    }
}
