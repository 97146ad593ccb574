package dev.lingogate.gateway.integration;

import static io.netty.handler.codec.http.HttpHeaderNames.CONNECTION;
import static io.netty.handler.codec.http.HttpHeaderNames.CONTENT_LENGTH;
import static io.netty.handler.codec.http.HttpHeaderNames.TRANSFER_ENCODING;
import static io.netty.handler.codec.http.HttpHeaderValues.CHUNKED;
import static io.netty.handler.codec.http.HttpHeaderValues.CLOSE;
import static io.netty.handler.codec.http.HttpHeaderValues.KEEP_ALIVE;

import io.netty.util.AsciiString;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The header lines of a proxied service's answers (RFC 9112 5), read one answer at a time: the
 * end-to-end headers that go on to the client, and what the framing headers say about where the
 * body ends and whether the connection stays.
 *
 * <p>A service repeats most of its header lines from one answer to the next (its Server, its
 * Content-Type, its Date within a second), so the lines last read are kept, and a line that
 * comes again is handed on as the same name and value, with nothing allocated for it.
 */
final class HeaderSection {

  /** Enough for the lines a service sends in every answer; lines past these are read, not kept. */
  private static final int MOST_LINES_KEPT = 16;

  /** More digits could overflow a long; no answer's limit comes near. */
  private static final int MOST_LENGTH_DIGITS = 18;

  /** The characters of a header name (RFC 9110 5.6.2, tchar). */
  private static final boolean[] TOKEN = new boolean[128];

  static {
    for (char c = '0'; c <= '9'; c++) {
      TOKEN[c] = true;
    }
    for (char c = 'a'; c <= 'z'; c++) {
      TOKEN[c] = true;
      TOKEN[Character.toUpperCase(c)] = true;
    }
    for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
      TOKEN[c] = true;
    }
  }

  /** A header line as last read: its name, its value (null for a hop-by-hop line, whose value is read, not kept). */
  private record Line(AsciiString name, AsciiString value, boolean hopByHop) {}

  private final Line[] kept = new Line[MOST_LINES_KEPT];
  private int linesKept;

  private MultiMap endToEnd;
  private long contentLength;
  private boolean transferEncoded;
  private boolean chunked;
  private boolean closeAsked;
  private boolean keepAliveAsked;
  /**
   * The names the Connection header lists besides close and keep-alive: headers of this hop only,
   * which a proxy removes (RFC 9110 7.6.1). Null while there are none, as in nearly every answer.
   */
  private List<AsciiString> connectionOptions;

  /** Reads the lines of {@code head} from {@code start} up to the empty line that ends them. */
  void read(byte[] head, int start) throws UnacceptableAnswer {
    endToEnd = HttpHeaders.headers();
    contentLength = -1;
    transferEncoded = false;
    chunked = false;
    closeAsked = false;
    keepAliveAsked = false;
    connectionOptions = null;
    int lineStart = start;
    while (true) {
      int lineFeed = AnswerParser.lineFeed(head, lineStart);
      int end = AnswerParser.contentEnd(head, lineStart, lineFeed);
      if (end == lineStart) {
        if (connectionOptions != null) {
          connectionOptions.forEach(endToEnd::remove);
        }
        return;
      }
      readLine(head, lineStart, end);
      lineStart = lineFeed + 1;
    }
  }

  /** The headers that go on to the client. */
  MultiMap endToEnd() {
    return endToEnd;
  }

  /** The body's length as Content-Length gives it, or -1 when it gives none. */
  long contentLength() {
    return contentLength;
  }

  boolean transferEncoded() {
    return transferEncoded;
  }

  /** True when the last transfer coding is chunked: the body ends with its last chunk. */
  boolean chunked() {
    return chunked;
  }

  boolean closeAsked() {
    return closeAsked;
  }

  boolean keepAliveAsked() {
    return keepAliveAsked;
  }

  private void readLine(byte[] head, int start, int end) throws UnacceptableAnswer {
    if (isBlank(head[start])) {
      // RFC 9112 5.2: a proxy rejects a folded line (or unfolds it); unfolding would change what the client sees.
      throw new UnacceptableAnswer("a header of the answer is folded over two lines");
    }
    int colon = start;
    while (colon < end && head[colon] != ':') {
      if (head[colon] < 0 || !TOKEN[head[colon]]) {
        throw new UnacceptableAnswer("a header name of the answer has a character no name may have");
      }
      colon++;
    }
    if (colon == start || colon == end) {
      throw new UnacceptableAnswer("a header line of the answer is not a name, a colon and a value");
    }
    int valueStart = colon + 1;
    int valueEnd = end;
    while (valueStart < valueEnd && isBlank(head[valueStart])) {
      valueStart++;
    }
    while (valueEnd > valueStart && isBlank(head[valueEnd - 1])) {
      valueEnd--;
    }
    for (int i = valueStart; i < valueEnd; i++) {
      int b = head[i] & 0xff;
      if (b < 0x20 && b != '\t' || b == 0x7f) {
        // A CR or NUL passed on could end the client's header early: response splitting.
        throw new UnacceptableAnswer("a header value of the answer has a control character");
      }
    }
    int index = keptLine(head, start, colon);
    Line line;
    if (index >= 0) {
      line = kept[index];
    } else {
      AsciiString name = new AsciiString(head, start, colon - start, true);
      line = new Line(name, null, HopByHopHeaders.contains(name));
      if (linesKept < MOST_LINES_KEPT) {
        index = linesKept++;
        kept[index] = line;
      }
    }
    if (line.hopByHop) {
      readFraming(line.name, head, valueStart, valueEnd);
      return;
    }
    if (!sameBytes(line.value, head, valueStart, valueEnd)) {
      line = new Line(line.name, new AsciiString(head, valueStart, valueEnd - valueStart, true), false);
      if (index >= 0) {
        kept[index] = line;
      }
    }
    endToEnd.add(line.name, line.value);
  }

  /** The index of the kept line of this name (its bytes exactly), or -1. */
  private int keptLine(byte[] head, int start, int end) {
    for (int i = 0; i < linesKept; i++) {
      if (sameBytes(kept[i].name, head, start, end)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean sameBytes(AsciiString kept, byte[] head, int start, int end) {
    return kept != null && kept.length() == end - start
        && Arrays.equals(kept.array(), kept.arrayOffset(), kept.arrayOffset() + kept.length(), head, start, end);
  }

  /** Content-Length, Transfer-Encoding and Connection decide where the body ends and whether the connection stays. */
  private void readFraming(AsciiString name, byte[] head, int start, int end) throws UnacceptableAnswer {
    if (CONTENT_LENGTH.contentEqualsIgnoreCase(name)) {
      for (int from = start; ; from++) {
        from = readContentLength(head, from, elementEnd(head, from, end));
        if (from == end) {
          return;
        }
      }
    } else if (TRANSFER_ENCODING.contentEqualsIgnoreCase(name)) {
      transferEncoded = true;
      int lastStart = end;
      while (lastStart > start && head[lastStart - 1] != ',') {
        lastStart--;
      }
      chunked = isElement(head, lastStart, end, CHUNKED);
    } else if (CONNECTION.contentEqualsIgnoreCase(name)) {
      for (int from = start; ; from++) {
        int to = elementEnd(head, from, end);
        boolean close = isElement(head, from, to, CLOSE);
        boolean keepAlive = isElement(head, from, to, KEEP_ALIVE);
        closeAsked |= close;
        keepAliveAsked |= keepAlive;
        int optionStart = skipBlanks(head, from, to);
        int optionEnd = trimBlanks(head, optionStart, to);
        if (!close && !keepAlive && optionEnd > optionStart) {
          if (connectionOptions == null) {
            connectionOptions = new ArrayList<>();
          }
          connectionOptions.add(new AsciiString(head, optionStart, optionEnd - optionStart, true));
        }
        if (to == end) {
          return;
        }
        from = to;
      }
    }
  }

  /**
   * One length, or a list of the same length repeated (RFC 9110 8.6), across all Content-Length
   * lines: reads the element up to {@code to} and returns {@code to}.
   */
  private int readContentLength(byte[] head, int from, int to) throws UnacceptableAnswer {
    int start = skipBlanks(head, from, to);
    int end = trimBlanks(head, start, to);
    if (start == end || end - start > MOST_LENGTH_DIGITS) {
      throw new UnacceptableAnswer("the answer's Content-Length is not a length");
    }
    long length = 0;
    for (int i = start; i < end; i++) {
      if (head[i] < '0' || head[i] > '9') {
        throw new UnacceptableAnswer("the answer's Content-Length is not a length");
      }
      length = length * 10 + (head[i] - '0');
    }
    if (contentLength >= 0 && contentLength != length) {
      throw new UnacceptableAnswer("the answer's Content-Length is not one length");
    }
    contentLength = length;
    return to;
  }

  /** Where the element of a comma-separated value (RFC 9110 5.6.1) that starts at {@code from} ends. */
  private static int elementEnd(byte[] head, int from, int end) {
    int i = from;
    while (i < end && head[i] != ',') {
      i++;
    }
    return i;
  }

  /** True when the element between {@code from} and {@code to}, blanks aside, is {@code word} (lower case) in any case. */
  private static boolean isElement(byte[] head, int from, int to, AsciiString word) {
    int start = skipBlanks(head, from, to);
    if (trimBlanks(head, start, to) - start != word.length()) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      byte b = head[start + i];
      if ((b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b) != word.byteAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static int skipBlanks(byte[] head, int from, int to) {
    int i = from;
    while (i < to && isBlank(head[i])) {
      i++;
    }
    return i;
  }

  private static int trimBlanks(byte[] head, int from, int to) {
    int i = to;
    while (i > from && isBlank(head[i - 1])) {
      i--;
    }
    return i;
  }

  static boolean isBlank(byte b) {
    return b == ' ' || b == '\t';
  }
}
