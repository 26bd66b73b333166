package dev.regionless.gateway.internal.auth;

import java.util.concurrent.CompletableFuture;

/** One deployed authorizer, ready to judge requests. Never blocks: the verdict completes later. */
public interface Guard {

    /** Judges one request; the future never completes exceptionally. */
    CompletableFuture<Decision> authorize(GuardRequest request);
}
