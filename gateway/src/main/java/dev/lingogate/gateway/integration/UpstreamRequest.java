package dev.lingogate.gateway.integration;

import static io.netty.handler.codec.http.HttpHeaderNames.CONNECTION;
import static io.netty.handler.codec.http.HttpHeaderNames.CONTENT_LENGTH;
import static io.netty.handler.codec.http.HttpHeaderNames.HOST;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.util.AsciiString;
import io.vertx.core.MultiMap;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A request as its proxied service is sent it, in HTTP/1.1: the route's method and the target filled
 * in for the service, the client's headers but the hop-by-hop ones (those its Connection header
 * names too) and X-Forwarded-For, then
 * {@code X-Forwarded-For/Proto/Port}, the service's Host, the length, and the body. Written
 * straight into the connection's buffer, with no request object or header map made for it.
 *
 * @param clientHeaders the client's request headers, as the gateway received them
 * @param forwardedFor the addresses the request came through, the client's last
 * @param forwardedProto the scheme the client used
 * @param forwardedPort the gateway port the client connected to
 * @param host the service's Host header
 */
record UpstreamRequest(HttpMethod method, String target, MultiMap clientHeaders, String forwardedFor,
                       String forwardedProto, int forwardedPort, String host, byte[] body) {

  static final AsciiString X_FORWARDED_FOR = AsciiString.cached("x-forwarded-for");
  private static final AsciiString X_FORWARDED_PROTO = AsciiString.cached("x-forwarded-proto");
  private static final AsciiString X_FORWARDED_PORT = AsciiString.cached("x-forwarded-port");
  private static final byte[] VERSION = " HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII);
  private static final int CRLF = ('\r' << 8) | '\n';
  /** Room for the request line and the usual headers, so the buffer rarely grows while written. */
  private static final int HEAD_ROOM = 512;

  /** True for HEAD, whose answer has no body whatever its head says. */
  boolean answerHasNoBody() {
    return method.equals(HttpMethod.HEAD);
  }

  int estimatedLength() {
    return HEAD_ROOM + target.length() + body.length;
  }

  void writeTo(ByteBuf out) {
    ByteBufUtil.copy(method.asciiName(), out);
    out.writeByte(' ');
    ByteBufUtil.writeAscii(out, target);
    out.writeBytes(VERSION);
    // Most clients send no Connection header, or one saying only keep-alive; its options are looked for otherwise.
    String connection = clientHeaders.get(CONNECTION);
    List<String> connectionOptions = connection == null || connection.equalsIgnoreCase("keep-alive")
        ? List.of()
        : HopByHopHeaders.connectionOptions(clientHeaders.getAll(CONNECTION));
    clientHeaders.forEach((name, value) -> {
      if (!X_FORWARDED_FOR.contentEqualsIgnoreCase(name) && !HopByHopHeaders.contains(name)
          && !isNamedIn(connectionOptions, name)) {
        header(out, name, value);
      }
    });
    header(out, X_FORWARDED_FOR, forwardedFor);
    header(out, X_FORWARDED_PROTO, forwardedProto);
    number(out, X_FORWARDED_PORT, forwardedPort);
    header(out, HOST, host);
    number(out, CONTENT_LENGTH, body.length);
    out.writeShort(CRLF);
    out.writeBytes(body);
  }

  private static boolean isNamedIn(List<String> connectionOptions, String name) {
    for (int i = 0; i < connectionOptions.size(); i++) {
      if (connectionOptions.get(i).equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Names and values as the gateway's HTTP server decoded and checked them, one byte per character
   * (ISO-8859-1, so obs-text comes through as it came in).
   */
  private static void header(ByteBuf out, CharSequence name, CharSequence value) {
    ByteBufUtil.writeAscii(out, name);
    out.writeByte(':');
    out.writeByte(' ');
    ByteBufUtil.writeAscii(out, value);
    out.writeShort(CRLF);
  }

  /** A header whose value is a number, written digit by digit rather than made a String first. */
  private static void number(ByteBuf out, AsciiString name, int value) {
    ByteBufUtil.copy(name, out);
    out.writeByte(':');
    out.writeByte(' ');
    int digits = 1;
    for (int rest = value / 10; rest > 0; rest /= 10) {
      digits++;
    }
    int at = out.writerIndex() + digits;
    out.ensureWritable(digits);
    for (int rest = value, i = 1; i <= digits; rest /= 10, i++) {
      out.setByte(at - i, '0' + rest % 10);
    }
    out.writerIndex(at);
    out.writeShort(CRLF);
  }
}
