package org.jifen.points.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.jifen.points.Outcome;
import org.jifen.support.JifenIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Outcomes stored before migration V2026120406, in the answer's JSON form (as written by hand or as jsonb printed it),
 * are converted to the short stored form and still answer a retry with the same outcome (LG-7).
 */
@JifenIntegrationTest
class StoredOutcomeMigrationIT {

    @Autowired
    JdbcClient jdbc;

    static java.util.List<Outcome> outcomes() {
        return OutcomeJsonTest.outcomes();
    }

    String converted(String old) {
        return jdbc.sql("select points.compact_outcome(cast(? as json))")
                .param(old)
                .query(String.class)
                .single();
    }

    @ParameterizedTest
    @MethodSource("outcomes")
    void oldFormsConvertToTheSameOutcome(Outcome outcome) {
        var old = OutcomeJsonTest.JSON.writeValueAsString(outcome);
        var asJsonb = jdbc.sql("select cast(cast(? as jsonb) as text)")
                .param(old)
                .query(String.class)
                .single();
        for (var form : java.util.List.of(old, asJsonb)) {
            assertThat(JdbcPointsLedger.restored(OutcomeJsonTest.JSON, outcome.eventId(), converted(form)))
                    .as(form)
                    .isEqualTo(outcome);
        }
    }
}
