package org.jifen.points.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jifen.account.Accounts;
import org.jifen.points.Outcome;
import org.jifen.points.PointsLedger;
import org.jifen.points.domain.LearningEvent;
import org.jifen.shared.MobileNumber;
import org.jifen.shared.web.Problem;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Event ingestion for external systems: one event or a batch of up to 1,000, one outcome per event. Input problems
 * are answered per event with a stable reason and 0 points; the good events of the same batch still count.
 */
@RestController
@Tag(name = "Points events", description = "Learning events in, points outcomes out (LG-7)")
@SecurityRequirement(name = "X-Api-Key")
class EventsApiController {

    static final int MAX_BATCH = 1000;
    private static final Set<String> FIELDS = Set.of("id", "user", "action", "item", "amount", "attrs", "at");

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
            @RequestBody JsonNode body) {
        var single = !body.isArray();
        var nodes = new ArrayList<JsonNode>();
        if (single) {
            nodes.add(body);
        } else {
            body.values().forEach(nodes::add);
        }
        if (nodes.size() > MAX_BATCH) {
            throw new Problem("events.too-many", 413, MAX_BATCH);
        }
        var parsed = new Parsed[nodes.size()];
        var mobiles = new LinkedHashSet<String>();
        for (int i = 0; i < nodes.size(); i++) {
            parsed[i] = parse(nodes.get(i));
            if (parsed[i].mobile != null) {
                mobiles.add(parsed[i].mobile);
            }
        }
        var ids = mobiles.isEmpty() ? Map.<String, Long>of() : accounts.idsByMobile(mobiles);
        var events = new ArrayList<LearningEvent>();
        var positions = new ArrayList<Integer>();
        var outcomes = new Outcome[nodes.size()];
        for (int i = 0; i < parsed.length; i++) {
            var p = parsed[i];
            if (p.problem == null && p.mobile != null) {
                var id = ids.get(p.mobile);
                if (id == null) {
                    p.problem = "unknown-user";
                } else {
                    p.user = String.valueOf(id);
                }
            }
            if (p.problem != null) {
                outcomes[i] = new Outcome(p.id, 0, p.problem, List.of(), null);
            } else {
                events.add(new LearningEvent(p.id, p.user, p.action, p.item, p.amount, p.attrs, p.at));
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

    private static Map<String, Object> view(Outcome o) {
        var m = new java.util.LinkedHashMap<String, Object>();
        m.put("id", o.eventId());
        m.put("points", o.points());
        m.put("reason", o.reason());
        m.put("rules", o.rules());
        m.put("rulebookVersion", o.rulebookVersion());
        return m;
    }

    /** One event as read from JSON, or the first problem found in it. */
    static final class Parsed {
        String id;
        String user;
        String mobile;
        String action;
        String item;
        Long amount;
        Map<String, String> attrs = Map.of();
        Instant at;
        String problem;
    }

    static Parsed parse(JsonNode node) {
        var p = new Parsed();
        if (!node.isObject()) {
            p.problem = "malformed-event";
            return p;
        }
        var id = node.get("id");
        if (id != null && (id.isString() || id.isIntegralNumber())) {
            p.id = id.asString();
        }
        for (var name : node.propertyNames()) {
            if (!FIELDS.contains(name)) {
                p.problem = "unknown-field";
                return p;
            }
        }
        if (p.id == null
                || p.id.isBlank()
                || text(node, "action") == null
                || node.get("user") == null
                || node.get("user").isNull()
                || text(node, "at") == null) {
            p.problem = "missing-field";
            return p;
        }
        if (p.id.length() > 100) {
            p.problem = "malformed-event";
            return p;
        }
        p.action = text(node, "action");
        var user = node.get("user");
        if (user.isIntegralNumber() && user.canConvertToLong() && user.longValue() > 0) {
            p.user = String.valueOf(user.longValue());
        } else if (user.isString() && MobileNumber.parse(user.stringValue()).isPresent()) {
            p.mobile = MobileNumber.parse(user.stringValue()).get().value();
        } else if (user.isString() && user.stringValue().strip().matches("[0-9]{1,18}")) {
            p.user = user.stringValue().strip();
        } else {
            p.problem = "unknown-user";
            return p;
        }
        try {
            p.at = OffsetDateTime.parse(text(node, "at")).toInstant();
        } catch (DateTimeParseException e) {
            p.problem = "malformed-time";
            return p;
        }
        var item = node.get("item");
        if (item != null && !item.isNull()) {
            if (!(item.isString() || item.isNumber()) || item.asString().length() > 200) {
                p.problem = "malformed-event";
                return p;
            }
            p.item = item.asString();
        }
        var amount = node.get("amount");
        if (amount != null && !amount.isNull()) {
            if (!amount.isNumber() || !amount.canConvertToExactIntegral() || !amount.canConvertToLong()) {
                p.problem = "malformed-amount";
                return p;
            }
            if (amount.longValue() < 0) {
                p.problem = "negative-amount";
                return p;
            }
            p.amount = amount.longValue();
        }
        var attrs = node.get("attrs");
        if (attrs != null && !attrs.isNull()) {
            if (!attrs.isObject()) {
                p.problem = "malformed-event";
                return p;
            }
            var m = new HashMap<String, String>();
            for (var e : attrs.properties()) {
                if (!(e.getValue().isString()
                        || e.getValue().isNumber()
                        || e.getValue().isBoolean())) {
                    p.problem = "malformed-event";
                    return p;
                }
                m.put(e.getKey(), e.getValue().asString());
            }
            p.attrs = m;
        }
        return p;
    }

    private static String text(JsonNode node, String field) {
        var v = node.get(field);
        return v != null && v.isString() && !v.stringValue().isBlank() ? v.stringValue() : null;
    }
}
