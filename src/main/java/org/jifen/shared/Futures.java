package org.jifen.shared;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Waiting for a future the way a direct call would have answered. */
public final class Futures {

    private Futures() {}

    /** The future's value; a runtime failure that completed it is thrown as it is, not wrapped. */
    public static <T> T joined(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }
}
