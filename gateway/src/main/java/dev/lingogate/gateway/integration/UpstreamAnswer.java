package dev.lingogate.gateway.integration;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;

/**
 * A proxied service's whole answer, as read off its connection.
 *
 * @param headers its end-to-end headers: the hop-by-hop ones stay with the connection
 * @param keepAlive true when the connection may carry another request after it
 */
record UpstreamAnswer(int status, MultiMap headers, Buffer body, boolean keepAlive) {}
