package dev.lingogate.stack.template;

/**
 * One {@code Api} or {@code HttpApi} event of a function: a method on a path.
 *
 * @param method              upper case, or {@code ANY}
 * @param httpApi             true for {@code HttpApi} events (payload 2.0 unless the event says 1.0)
 * @param payloadFormatVersion {@code 1.0} or {@code 2.0}
 */
public record RouteSpec(String method, String path, boolean httpApi, String payloadFormatVersion) {
}
