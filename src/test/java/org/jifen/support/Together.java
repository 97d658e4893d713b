package org.jifen.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs tasks on threads of their own, released together by a barrier, for tests of concurrent requests. */
public final class Together {

    private Together() {}

    /** Starts every task at once and answers their results in the tasks' order (a task's failure fails the call). */
    public static <T> List<T> run(List<Callable<T>> tasks) throws Exception {
        var barrier = new CyclicBarrier(tasks.size());
        try (var pool = Executors.newFixedThreadPool(tasks.size())) {
            var futures = new ArrayList<Future<T>>();
            for (var task : tasks) {
                futures.add(pool.submit(() -> {
                    barrier.await();
                    return task.call();
                }));
            }
            var out = new ArrayList<T>();
            for (var f : futures) {
                out.add(f.get());
            }
            return out;
        }
    }
}
