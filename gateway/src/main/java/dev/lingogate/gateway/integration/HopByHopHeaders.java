package dev.lingogate.gateway.integration;

import io.netty.util.AsciiString;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The headers a proxy keeps to one hop, in both directions: those that belong to one connection,
 * not to the message (RFC 9110 7.6.1), and those the proxy sets itself for the next hop (the
 * length, the host, the expectation of a 100 Continue).
 */
final class HopByHopHeaders {

  /** Compared as they come off the wire, without making a String of each name. */
  private static final List<AsciiString> NAMES = Stream.of("connection", "keep-alive", "proxy-connection",
      "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host",
      "content-length", "expect").map(AsciiString::cached).toList();

  private HopByHopHeaders() {}

  /**
   * The header names that Connection header values list besides close and keep-alive: headers of
   * the hop they came over, which a proxy does not pass on (RFC 9110 7.6.1).
   */
  static List<String> connectionOptions(List<String> connectionValues) {
    List<String> options = new ArrayList<>();
    for (String value : connectionValues) {
      for (String listed : value.split(",")) {
        String option = listed.trim();
        if (!option.isEmpty() && !option.equalsIgnoreCase("close") && !option.equalsIgnoreCase("keep-alive")) {
          options.add(option);
        }
      }
    }
    return options;
  }

  static boolean contains(CharSequence name) {
    for (AsciiString hopByHop : NAMES) {
      if (hopByHop.contentEqualsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }
}
