package org.jifen.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.jifen.audit.AuditLog.Attribution;
import org.jifen.shared.Actor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AttributionTest {

    private record TestActor(long actorId, String actorLabel, Set<String> roleNames) implements Actor {}

    @Test
    @DisplayName("AUDIT an entry names the actor, their id and their roles in a stable order")
    void names_the_actor() {
        var by = Attribution.of(new TestActor(7, "张*明 138****5678", Set.of("org_admin", "learner", "auditor")));

        assertThat(by).isEqualTo(new Attribution(7L, "张*明 138****5678", "auditor,learner,org_admin"));
    }

    @Test
    @DisplayName("LG-16 an actor label that carries a whole mobile number is masked before it is recorded")
    void masks_the_label() {
        var by = Attribution.of(new TestActor(8, "张小明 13812345678", Set.of()));

        assertThat(by.label()).isEqualTo("张小明 138****5678");
        assertThat(by.roles()).isEmpty();
    }

    @Test
    @DisplayName("AUDIT what happens outside a person's request is attributed to the system")
    void system_otherwise() {
        assertThat(Attribution.of(null)).isEqualTo(Attribution.SYSTEM);
        assertThat(Attribution.of("anonymousUser")).isEqualTo(Attribution.SYSTEM);
        assertThat(Attribution.SYSTEM.label()).isEqualTo("system");
    }
}
