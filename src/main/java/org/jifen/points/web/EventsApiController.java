package org.jifen.points.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jifen.points.ingest.EventIngestion;
import org.jifen.shared.Actor;
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

    private final EventIngestion ingestion;

    EventsApiController(EventIngestion ingestion) {
        this.ingestion = ingestion;
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
            @RequestBody Object body,
            @Parameter(hidden = true) @org.springframework.security.core.annotation.AuthenticationPrincipal
                    Actor sender) {
        return ingestion.ingest(program, body, sender);
    }
}
