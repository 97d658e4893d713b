package org.jifen.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jifen.account.Role;
import org.jifen.account.SignedInUser;
import org.jifen.shared.web.Problem;
import org.jifen.support.JifenIntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.springframework.beans.factory.annotation.Autowired;

@JifenIntegrationTest
class ConcurrentMovesIT {

    @Autowired
    Organizations organizations;

    private final SignedInUser admin = new SignedInUser(
            1, "13800000001", "系统管理员", null, false, true, Map.of(Role.SYSTEM_ADMIN, Set.of(0L)), Set.of());

    @org.junit.jupiter.api.RepeatedTest(10)
    @DisplayName(
            "ORG two moves at once that would each be fine alone: one moves, the other is refused, never a deadlock")
    void crossing_moves_never_make_a_cycle() throws Exception {
        var pinghu = organizations.resolve("龙岗区/平湖街道").orElseThrow();
        var tag = Long.toString(System.nanoTime(), 36);
        var x = organizations.create(pinghu.id(), "并发甲" + tag, "community", admin);
        var x1 = organizations.create(x.id(), "并发甲一" + tag, "community", admin);
        var y = organizations.create(pinghu.id(), "并发乙" + tag, "community", admin);
        var y1 = organizations.create(y.id(), "并发乙一" + tag, "community", admin);

        var barrier = new CyclicBarrier(2);
        var pool = Executors.newFixedThreadPool(2);
        List<Future<String>> results = new ArrayList<>();
        for (var move : List.of(new long[] {x.id(), y1.id()}, new long[] {y.id(), x1.id()})) {
            results.add(pool.submit(() -> {
                barrier.await(10, TimeUnit.SECONDS);
                try {
                    organizations.move(move[0], move[1], admin);
                    return "moved";
                } catch (Problem p) {
                    return p.code();
                }
            }));
        }
        var outcomes = new ArrayList<String>();
        for (var r : results) {
            outcomes.add(r.get(30, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(outcomes).containsExactlyInAnyOrder("moved", "org.move-cycle");
        // whatever moved, each of the four still descends from 平湖街道 without passing through itself
        for (var org : List.of(x, x1, y, y1)) {
            var now = organizations.get(org.id());
            assertThat(now.lineage()).contains(pinghu.id()).doesNotHaveDuplicates();
        }
    }
}
