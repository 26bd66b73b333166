package dev.regionless.gateway.internal.payload;

import dev.regionless.gateway.internal.message.GatewayResponse;

/** What a function's answer turned into: a response to send, or a malformed proxy response. */
public sealed interface MappedResponse {

    /** The answer had the proxy response shape (or, for 2.0, was inferred from plain JSON). */
    record Ok(GatewayResponse response) implements MappedResponse {}

    /** The answer broke the proxy response contract; {@code reason} is for the log, never for the client. */
    record Malformed(String reason) implements MappedResponse {}
}
