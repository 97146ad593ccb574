package dev.lingogate.gateway.integration;

import io.netty.buffer.ByteBuf;

/**
 * Reads a proxied service's answers off its connection, one per request sent: HTTP/1.x responses
 * (RFC 9112) taken apart here rather than by Netty's HTTP codec. The codec makes a String, a map
 * entry and a message object of every part of an answer, only for the gateway to copy them into
 * its client's answer: a quarter of all a proxied request allocated, and so of the collector's
 * pauses. Here an answer's head is copied into an array the parser keeps, the header lines a
 * service repeats are handed on as the strings read before ({@link HeaderSection}), and the body is
 * copied once, into the array the client's answer is written from.
 *
 * <p>Whatever could make the gateway and its client disagree about where an answer ends, or split
 * the client's answer, fails the exchange ({@link UnacceptableAnswer}): a folded or malformed header
 * line, a control character in a value, a length that is not one number, a status line that is not
 * HTTP/1.0's or 1.1's. A Transfer-Encoding overrides a Content-Length, as RFC 9112 6.3 says, and such
 * an answer's connection is not used again.
 */
final class AnswerParser {

  /**
   * The most bytes of status line and headers taken, and of trailers: twice what nginx reads an
   * upstream's head into by default (one 8 KB page), before it too answers 502.
   */
  static final int MAX_HEAD_BYTES = 16 * 1024;
  /** The longest chunk-size line taken, its extensions included. */
  static final int MAX_CHUNK_LINE = 1024;
  /** Eight hex digits: a chunk under 4 GB, far above any answer's limit, and no overflow. */
  private static final int MAX_CHUNK_SIZE_DIGITS = 8;

  /** Where in an answer the next byte belongs. */
  private enum Part { NOTHING_ASKED, HEAD, FIXED_BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS, BODY_UNTIL_CLOSE, END }

  private final int maxBodyBytes;
  private Part part = Part.NOTHING_ASKED;
  private boolean answersHeadRequest;

  private final HeaderSection headers = new HeaderSection();
  /** The head of the answer under way, copied out of the connection's buffers; kept from one answer to the next. */
  private byte[] head = new byte[512];

  // The answer under way.
  private int status;
  private boolean http11;
  private AnswerBody body;
  private boolean keepAlive;
  /** The bytes of the fixed-length body or of the chunk still to come. */
  private int remaining;
  private int trailerBytes;

  /** @param maxBodyBytes the largest answer body taken; a larger one is unacceptable */
  AnswerParser(int maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
  }

  /** Readies the parser for the answer to a request just sent; a HEAD request's has no body, whatever its head says. */
  void expect(boolean toHeadRequest) {
    answersHeadRequest = toHeadRequest;
    part = Part.HEAD;
  }

  /**
   * Consumes what it can of {@code in}: the answer once it is whole, or null while more is to come.
   * What is left unread is the start of a line still incomplete, to be read again with what follows
   * it; or, after a whole answer, bytes nothing asked for.
   */
  UpstreamAnswer read(ByteBuf in) throws UnacceptableAnswer {
    while (true) {
      switch (part) {
        case NOTHING_ASKED -> {
          if (in.isReadable()) {
            throw new UnacceptableAnswer("the service sent " + in.readableBytes() + " bytes when no request was waiting");
          }
          return null;
        }
        case HEAD -> {
          if (!readHead(in)) {
            return null;
          }
        }
        case FIXED_BODY -> {
          if (!takeRemaining(in)) {
            return null;
          }
          part = Part.END;
        }
        case CHUNK_SIZE -> {
          if (!readChunkSize(in)) {
            return null;
          }
        }
        case CHUNK_DATA -> {
          if (!takeRemaining(in)) {
            return null;
          }
          part = Part.CHUNK_END;
        }
        case CHUNK_END -> {
          if (!readChunkEnd(in)) {
            return null;
          }
          part = Part.CHUNK_SIZE;
        }
        case TRAILERS -> {
          if (!readTrailers(in)) {
            return null;
          }
          part = Part.END;
        }
        case BODY_UNTIL_CLOSE -> {
          if (body.length() + (long) in.readableBytes() > maxBodyBytes) {
            throw tooLarge();
          }
          body.take(in, in.readableBytes());
          return null;
        }
        case END -> {
          part = Part.NOTHING_ASKED;
          return new UpstreamAnswer(status, headers.endToEnd(), body.toBuffer(), keepAlive);
        }
      }
    }
  }

  /** The answer the end of the connection completes: one whose body runs until then; otherwise null. */
  UpstreamAnswer endOfInput() {
    if (part != Part.BODY_UNTIL_CLOSE) {
      return null;
    }
    part = Part.NOTHING_ASKED;
    return new UpstreamAnswer(status, headers.endToEnd(), body.toBuffer(), false);
  }

  private boolean takeRemaining(ByteBuf in) {
    int taken = Math.min(remaining, in.readableBytes());
    body.take(in, taken);
    remaining -= taken;
    return remaining == 0;
  }

  // The head: status line and headers, read once all of it has come.

  private boolean readHead(ByteBuf in) throws UnacceptableAnswer {
    int end = endOfHead(in);
    if (end < 0) {
      if (in.readableBytes() >= MAX_HEAD_BYTES) {
        throw new UnacceptableAnswer("the answer's status line and headers are longer than " + MAX_HEAD_BYTES + " bytes");
      }
      return false;
    }
    int length = end - in.readerIndex();
    if (head.length < length) {
      head = new byte[Math.max(length, 2 * head.length)];
    }
    in.readBytes(head, 0, length);
    int lineEnd = lineFeed(head, 0);
    readStatusLine(head, contentEnd(head, 0, lineEnd));
    if (status / 100 == 1) {
      if (status == 101) {
        throw new UnacceptableAnswer("the service switched protocols, which the gateway never asks for");
      }
      // An interim answer (100 Continue, 103 Early Hints): the final one follows.
      return true;
    }
    headers.read(head, lineEnd + 1);
    frameBody();
    return true;
  }

  /** The index just past the empty line that ends the head starting at the reader index, or -1 until it has come. */
  private static int endOfHead(ByteBuf in) {
    int limit = Math.min(in.writerIndex(), in.readerIndex() + MAX_HEAD_BYTES);
    int lineStart = in.readerIndex();
    while (true) {
      int lineFeed = in.indexOf(lineStart, limit, (byte) '\n');
      if (lineFeed < 0) {
        return -1;
      }
      int length = lineFeed - lineStart;
      boolean emptyLine = length == 0 || length == 1 && in.getByte(lineStart) == '\r';
      if (emptyLine && lineStart > in.readerIndex()) {
        return lineFeed + 1;
      }
      lineStart = lineFeed + 1;
    }
  }

  /** {@code HTTP/1.1 200 OK}: the version and the status code; the reason phrase is not passed on. */
  private void readStatusLine(byte[] head, int end) throws UnacceptableAnswer {
    boolean wellFormed = end >= 12 && startsWithHttp1(head) && (head[7] == '0' || head[7] == '1')
        && head[8] == ' ' && isDigit(head[9]) && isDigit(head[10]) && isDigit(head[11])
        && (end == 12 || head[12] == ' ');
    if (!wellFormed) {
      throw new UnacceptableAnswer("the answer does not begin with an HTTP/1.0 or HTTP/1.1 status line");
    }
    status = (head[9] - '0') * 100 + (head[10] - '0') * 10 + (head[11] - '0');
    if (status < 100 || status > 599) {
      throw new UnacceptableAnswer("the answer's status code " + status + " is outside 100–599");
    }
    http11 = head[7] == '1';
  }

  private static boolean startsWithHttp1(byte[] head) {
    return head[0] == 'H' && head[1] == 'T' && head[2] == 'T' && head[3] == 'P' && head[4] == '/'
        && head[5] == '1' && head[6] == '.';
  }

  /** RFC 9112 6.3, in its order: where this answer's body ends, and whether its connection can carry another request. */
  private void frameBody() throws UnacceptableAnswer {
    keepAlive = http11 ? !headers.closeAsked() : headers.keepAliveAsked() && !headers.closeAsked();
    long contentLength = headers.contentLength();
    if (answersHeadRequest || status == 204 || status == 304) {
      body = AnswerBody.ofLength(0);
      part = Part.END;
    } else if (headers.transferEncoded()) {
      // Both lengths given is how requests are smuggled: believe the encoding, and trust the connection no more.
      boolean chunked = headers.chunked() && http11;
      keepAlive &= contentLength < 0 && chunked;
      body = AnswerBody.ofUnknownLength(maxBodyBytes);
      part = chunked ? Part.CHUNK_SIZE : Part.BODY_UNTIL_CLOSE;
    } else if (contentLength >= 0) {
      if (contentLength > maxBodyBytes) {
        throw tooLarge();
      }
      body = AnswerBody.ofLength((int) contentLength);
      remaining = (int) contentLength;
      part = remaining == 0 ? Part.END : Part.FIXED_BODY;
    } else {
      keepAlive = false;
      body = AnswerBody.ofUnknownLength(maxBodyBytes);
      part = Part.BODY_UNTIL_CLOSE;
    }
  }

  // A chunked body: size lines, chunks each followed by a line end, a last chunk of size 0, trailers.

  private boolean readChunkSize(ByteBuf in) throws UnacceptableAnswer {
    int lineFeed = in.indexOf(in.readerIndex(), Math.min(in.writerIndex(), in.readerIndex() + MAX_CHUNK_LINE), (byte) '\n');
    if (lineFeed < 0) {
      if (in.readableBytes() >= MAX_CHUNK_LINE) {
        throw new UnacceptableAnswer("a chunk-size line of the answer is longer than " + MAX_CHUNK_LINE + " bytes");
      }
      return false;
    }
    long size = 0;
    int i = in.readerIndex();
    for (int digit; i < lineFeed && (digit = Character.digit((char) (in.getByte(i) & 0xff), 16)) >= 0; i++) {
      if (i - in.readerIndex() == MAX_CHUNK_SIZE_DIGITS) {
        throw tooLarge();
      }
      size = size * 16 + digit;
    }
    boolean sized = i > in.readerIndex();
    while (i < lineFeed && HeaderSection.isBlank(in.getByte(i))) {
      i++;
    }
    byte after = in.getByte(i);
    boolean lineEnd = i == lineFeed || after == '\r' && i == lineFeed - 1;
    if (!sized || !lineEnd && after != ';') {
      throw new UnacceptableAnswer("a chunk-size line of the answer is not a hexadecimal size");
    }
    in.readerIndex(lineFeed + 1);
    if (size == 0) {
      trailerBytes = 0;
      part = Part.TRAILERS;
    } else if (body.length() + size > maxBodyBytes) {
      throw tooLarge();
    } else {
      remaining = (int) size;
      part = Part.CHUNK_DATA;
    }
    return true;
  }

  private static boolean readChunkEnd(ByteBuf in) throws UnacceptableAnswer {
    if (!in.isReadable()) {
      return false;
    }
    byte first = in.getByte(in.readerIndex());
    if (first == '\n') {
      in.skipBytes(1);
      return true;
    }
    if (first == '\r') {
      if (in.readableBytes() < 2) {
        return false;
      }
      if (in.getByte(in.readerIndex() + 1) == '\n') {
        in.skipBytes(2);
        return true;
      }
    }
    throw new UnacceptableAnswer("a chunk of the answer is longer than its size says");
  }

  /** Trailer fields are read past and not passed on, as API Gateway and nginx do. */
  private boolean readTrailers(ByteBuf in) throws UnacceptableAnswer {
    while (true) {
      int lineFeed = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\n');
      int length = lineFeed < 0 ? in.readableBytes() : lineFeed + 1 - in.readerIndex();
      if (trailerBytes + length > MAX_HEAD_BYTES) {
        throw new UnacceptableAnswer("the answer's trailers are longer than " + MAX_HEAD_BYTES + " bytes");
      }
      if (lineFeed < 0) {
        return false;
      }
      boolean emptyLine = length == 1 || length == 2 && in.getByte(in.readerIndex()) == '\r';
      trailerBytes += length;
      in.readerIndex(lineFeed + 1);
      if (emptyLine) {
        return true;
      }
    }
  }

  private UnacceptableAnswer tooLarge() {
    return new UnacceptableAnswer("the answer is larger than " + maxBodyBytes + " bytes");
  }

  /** The index of the line feed that ends the line starting at {@code from}; the head's last line has one. */
  static int lineFeed(byte[] head, int from) {
    int i = from;
    while (head[i] != '\n') {
      i++;
    }
    return i;
  }

  /** Where a line's content ends: before its CR LF, or before a bare LF (RFC 9112 2.2 lets a recipient take one). */
  static int contentEnd(byte[] head, int start, int lineFeed) {
    return lineFeed > start && head[lineFeed - 1] == '\r' ? lineFeed - 1 : lineFeed;
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }

}
