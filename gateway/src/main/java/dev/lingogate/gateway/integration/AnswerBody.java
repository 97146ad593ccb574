package dev.lingogate.gateway.integration;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import java.util.Arrays;

/**
 * An answer's body as it comes, copied once into a heap array that the client's answer is then
 * written from. A body of announced length gets its whole array at once, up to a megabyte (so a
 * large length announced and never sent does not take its memory before its bytes come); beyond
 * that, and for a body of unknown length, the array doubles as needed, never past the body's limit.
 */
final class AnswerBody {

  private static final int LARGEST_FIRST_ARRAY = 1024 * 1024;
  private static final int FIRST_ARRAY_OF_UNKNOWN_LENGTH = 8 * 1024;

  private final int limit;
  private byte[] bytes;
  private int length;

  private AnswerBody(int capacity, int limit) {
    this.bytes = new byte[capacity];
    this.limit = limit;
  }

  /** A body of the length its answer announced, which the caller has checked is within the limit. */
  static AnswerBody ofLength(int announced) {
    return new AnswerBody(Math.min(announced, LARGEST_FIRST_ARRAY), announced);
  }

  /** A body that ends when its last chunk or its connection does, of at most {@code limit} bytes. */
  static AnswerBody ofUnknownLength(int limit) {
    return new AnswerBody(Math.min(FIRST_ARRAY_OF_UNKNOWN_LENGTH, limit), limit);
  }

  int length() {
    return length;
  }

  /** Moves {@code count} bytes from {@code in} to the end of the body; the caller keeps within the limit. */
  void take(ByteBuf in, int count) {
    if (length + count > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.min(limit, Math.max(length + count, 2 * bytes.length)));
    }
    in.readBytes(bytes, length, count);
    length += count;
  }

  /** The body as a Vert.x buffer over the same array: no copy, however it came. */
  Buffer toBuffer() {
    return length == bytes.length ? Buffer.buffer(bytes) : BufferInternal.buffer(Unpooled.wrappedBuffer(bytes, 0, length));
  }
}
