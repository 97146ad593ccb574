package dev.lingogate.gateway.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Answers as services write them, fed to the parser whole and then one byte at a time (as a slow
 * service or small reads would deliver them): each must read the same either way.
 */
class AnswerParserTest {

  private static final int LIMIT = 1000;

  /** What one answer, fed to a fresh parser in pieces of {@code piece} bytes, reads as. */
  private static UpstreamAnswer read(String answer, boolean toHeadRequest, int piece) throws UnacceptableAnswer {
    AnswerParser parser = new AnswerParser(LIMIT);
    parser.expect(toHeadRequest);
    byte[] bytes = answer.getBytes(StandardCharsets.ISO_8859_1);
    ByteBuf in = Unpooled.buffer();
    for (int from = 0; from < bytes.length; from += piece) {
      in.writeBytes(bytes, from, Math.min(piece, bytes.length - from));
      UpstreamAnswer read = parser.read(in);
      if (read != null) {
        assertThat(in.readableBytes()).as("bytes left after the answer").isZero();
        return read;
      }
    }
    return parser.endOfInput();
  }

  /** Read whole and byte by byte, which must agree; the whole reading is returned. */
  private static UpstreamAnswer read(String answer) throws UnacceptableAnswer {
    UpstreamAnswer whole = read(answer, false, Integer.MAX_VALUE);
    UpstreamAnswer byteByByte = read(answer, false, 1);
    assertThat(byteByByte).as("read byte by byte").isNotNull();
    assertThat(byteByByte.status()).isEqualTo(whole.status());
    assertThat(byteByByte.headers().entries().toString()).isEqualTo(whole.headers().entries().toString());
    assertThat(byteByByte.body().toString()).isEqualTo(whole.body().toString());
    assertThat(byteByByte.keepAlive()).isEqualTo(whole.keepAlive());
    return whole;
  }

  private static void assertUnacceptable(String answer, String message) {
    for (int piece : new int[] {Integer.MAX_VALUE, 1}) {
      assertThatThrownBy(() -> read(answer, false, piece))
          .isInstanceOf(UnacceptableAnswer.class).hasMessageContaining(message);
    }
  }

  @Test
  void anAnswerOfAnnouncedLengthKeepsItsEndToEndHeadersAndLeavesTheHopByHopOnes() throws Exception {
    UpstreamAnswer answer = read("HTTP/1.1 201 Created\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n"
        + "Connection: keep-alive\r\nKeep-Alive: timeout=5\r\nX-Multi: a\r\nX-Multi:  b \r\n\r\nhello");

    assertThat(answer.status()).isEqualTo(201);
    assertThat(answer.body().toString()).isEqualTo("hello");
    assertThat(answer.headers().names()).containsExactly("Content-Type", "X-Multi");
    assertThat(answer.headers().getAll("x-multi")).containsExactly("a", "b");
    assertThat(answer.keepAlive()).isTrue();
  }

  @Test
  void aChunkedAnswerIsJoinedAndItsExtensionsAndTrailersAreReadPast() throws Exception {
    UpstreamAnswer answer = read("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "5;name=value\r\nhello\r\n1\r\n,\r\nA \r\n 012345678\r\n0\r\nX-Checksum: 1\r\n\r\n");

    assertThat(answer.body().toString()).isEqualTo("hello, 012345678");
    assertThat(answer.headers().isEmpty()).isTrue();
    assertThat(answer.keepAlive()).isTrue();
  }

  @Test
  void headersTheConnectionHeaderNamesStayWithTheConnection() throws Exception {
    UpstreamAnswer answer = read("HTTP/1.1 200 OK\r\nConnection: keep-alive, X-Hop ,x-other\r\nX-Hop: 1\r\n"
        + "X-Other: 2\r\nX-Kept: 3\r\nContent-Length: 0\r\n\r\n");

    assertThat(answer.headers().names()).containsExactly("X-Kept");
    assertThat(answer.keepAlive()).isTrue();
  }

  @Test
  void anAnswerWithoutLengthRunsUntilTheServiceClosesAndEndsTheConnection() throws Exception {
    UpstreamAnswer answer = read("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil the end");

    assertThat(answer.body().toString()).isEqualTo("until the end");
    assertThat(answer.keepAlive()).isFalse();
  }

  @Test
  void keepAliveIsHttp11sDefaultAndHttp10sOnRequest() throws Exception {
    assertThat(read("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n").keepAlive()).isTrue();
    assertThat(read("HTTP/1.1 200 OK\r\nConnection: Close\r\nContent-Length: 0\r\n\r\n").keepAlive()).isFalse();
    assertThat(read("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n").keepAlive()).isFalse();
    assertThat(read("HTTP/1.0 200 OK\r\nConnection: x-option, keep-alive\r\nContent-Length: 0\r\n\r\n").keepAlive()).isTrue();
  }

  @Test
  void answersToHeadAnd204And304HaveNoBodyWhateverTheirLengthSays() throws Exception {
    UpstreamAnswer toHead = read("HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\n", true, 1);
    UpstreamAnswer noContent = read("HTTP/1.1 204 No Content\r\nContent-Length: 5\r\n\r\n");
    UpstreamAnswer notModified = read("HTTP/1.1 304 Not Modified\r\nTransfer-Encoding: chunked\r\n\r\n");

    assertThat(toHead.body().length()).isZero();
    assertThat(toHead.keepAlive()).isTrue();
    assertThat(noContent.body().length()).isZero();
    assertThat(notModified.body().length()).isZero();
  }

  @Test
  void interimAnswersAreReadPastToTheFinalOne() throws Exception {
    UpstreamAnswer answer = read("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\n"
        + "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.headers().contains("link")).isFalse();
    assertThat(answer.body().toString()).isEqualTo("ok");
  }

  @Test
  void aTransferEncodingOverridesAContentLengthAndTheConnectionIsNotTrustedAgain() throws Exception {
    UpstreamAnswer answer = read("HTTP/1.1 200 OK\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "5\r\nhello\r\n0\r\n\r\n");

    assertThat(answer.body().toString()).isEqualTo("hello");
    assertThat(answer.keepAlive()).isFalse();
  }

  @Test
  void anEncodingThatIsNotChunkedLastRunsUntilTheServiceCloses() throws Exception {
    UpstreamAnswer answer = read("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked, gzip\r\n\r\nraw bytes");

    assertThat(answer.body().toString()).isEqualTo("raw bytes");
    assertThat(answer.keepAlive()).isFalse();
  }

  @Test
  void repeatedEqualLengthsAreOneLength() throws Exception {
    assertThat(read("HTTP/1.1 200 OK\r\nContent-Length: 2, 2\r\nContent-Length: 2\r\n\r\nok").body().toString())
        .isEqualTo("ok");
  }

  @Test
  void bareLineFeedsEndLinesToo() throws Exception {
    UpstreamAnswer answer = read("HTTP/1.1 200 OK\nX-A: 1\nTransfer-Encoding: chunked\n\n2\nok\n0\n\n");

    assertThat(answer.headers().get("x-a")).isEqualTo("1");
    assertThat(answer.body().toString()).isEqualTo("ok");
  }

  @Test
  void valueBytesAboveAsciiComeThroughAsTheyCame() throws Exception {
    UpstreamAnswer answer = read("HTTP/1.1 200 OK\r\nX-Name: caf\u00e9\r\nContent-Length: 0\r\n\r\n");

    assertThat(answer.headers().get("x-name")).isEqualTo("caf\u00e9");
  }

  @ParameterizedTest
  @ValueSource(strings = {"HTTP/2 200 OK", "ICY 200 OK", "HTTP/1.1 20 OK", "HTTP/1.1 2000 OK", "HTTP/1.1  200 OK",
      "HTTP/1.1 099 Low", "HTTP/1.1 600 High", "http/1.1 200 OK"})
  void aStatusLineThatIsNotHttp1sIsUnacceptable(String statusLine) {
    assertUnacceptable(statusLine + "\r\nContent-Length: 0\r\n\r\n", "status");
  }

  @Test
  void aFoldedHeaderIsUnacceptable() {
    assertUnacceptable("HTTP/1.1 200 OK\r\nX-A: one\r\n two\r\nContent-Length: 0\r\n\r\n", "folded");
  }

  @ParameterizedTest
  @ValueSource(strings = {"X-A : 1", "X A: 1", ": 1", "X-A 1", "X-\u00e9: 1"})
  void aHeaderLineThatIsNotNameColonValueIsUnacceptable(String line) {
    assertUnacceptable("HTTP/1.1 200 OK\r\n" + line + "\r\nContent-Length: 0\r\n\r\n", "header");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\rb", "a\u0000b", "a\u007fb", "a\u001bb"})
  void aControlCharacterInAValueIsUnacceptable(String value) {
    assertUnacceptable("HTTP/1.1 200 OK\r\nX-A: " + value + "\r\nContent-Length: 0\r\n\r\n", "control character");
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "-1", "+5", "", "1 2", "99999999999999999999", "2, 3"})
  void aContentLengthThatIsNotOneLengthIsUnacceptable(String length) {
    assertUnacceptable("HTTP/1.1 200 OK\r\nContent-Length: " + length + "\r\n\r\nok", "Content-Length");
  }

  @Test
  void twoDifferentContentLengthsAreUnacceptable() {
    assertUnacceptable("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nok", "not one length");
  }

  @Test
  void aSwitchOfProtocolsIsUnacceptable() {
    assertUnacceptable("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n", "switched protocols");
  }

  @ParameterizedTest
  @ValueSource(strings = {"xyz\r\n", "5 x\r\n", "\r\n"})
  void aChunkSizeThatIsNotHexadecimalIsUnacceptable(String sizeLine) {
    assertUnacceptable("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + sizeLine + "hello\r\n0\r\n\r\n",
        "hexadecimal");
  }

  @Test
  void aChunkLongerThanItsSizeIsUnacceptable() {
    assertUnacceptable("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nhello\r\n0\r\n\r\n",
        "longer than its size");
  }

  @Test
  void aHeadLongerThanTheLimitIsUnacceptable() {
    String longHeader = "X-Long: " + "a".repeat(AnswerParser.MAX_HEAD_BYTES) + "\r\n";
    assertUnacceptable("HTTP/1.1 200 OK\r\n" + longHeader + "Content-Length: 0\r\n\r\n", "longer than");
  }

  @Test
  void aChunkSizeLineLongerThanTheLimitIsUnacceptable() {
    String longExtension = ";" + "e".repeat(AnswerParser.MAX_CHUNK_LINE);
    assertUnacceptable("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5" + longExtension + "\r\nhello\r\n0\r\n\r\n",
        "chunk-size line");
  }

  @Test
  void trailersLongerThanTheLimitAreUnacceptable() {
    String longTrailer = "X-Trailer: " + "t".repeat(AnswerParser.MAX_HEAD_BYTES) + "\r\n";
    assertUnacceptable("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n" + longTrailer + "\r\n", "trailers");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Content-Length: 1001\r\n\r\n",
      "Transfer-Encoding: chunked\r\n\r\n3E9\r\n",
      "Transfer-Encoding: chunked\r\n\r\n123456789\r\n"})
  void aBodyOverTheLimitIsUnacceptableAsSoonAsItsLengthIsKnown(String framing) {
    assertUnacceptable("HTTP/1.1 200 OK\r\n" + framing, "larger than " + LIMIT);
  }

  @Test
  void aBodyOverTheLimitIsUnacceptableWhenItRunsUntilTheServiceCloses() {
    assertUnacceptable("HTTP/1.0 200 OK\r\n\r\n" + "x".repeat(LIMIT + 1), "larger than " + LIMIT);
  }

  @Test
  void aBodyOfExactlyTheLimitIsTaken() throws Exception {
    assertThat(read("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3E8\r\n" + "x".repeat(LIMIT) + "\r\n0\r\n\r\n")
        .body().length()).isEqualTo(LIMIT);
  }

  @Test
  void bytesWhenNoRequestWaitsAreUnacceptable() throws Exception {
    AnswerParser parser = new AnswerParser(LIMIT);
    parser.expect(false);
    ByteBuf in = Unpooled.copiedBuffer("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\nHTTP/1.1 200 OK\r\n",
        StandardCharsets.US_ASCII);

    assertThat(parser.read(in)).isNotNull();
    assertThat(in.isReadable()).isTrue();
    assertThatThrownBy(() -> parser.read(in)).isInstanceOf(UnacceptableAnswer.class)
        .hasMessageContaining("no request was waiting");
  }

  @Test
  void theConnectionsEndCompletesNothingButABodyThatRunsUntilIt() throws Exception {
    AnswerParser parser = new AnswerParser(LIMIT);
    parser.expect(false);
    ByteBuf in = Unpooled.copiedBuffer("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhel", StandardCharsets.US_ASCII);

    assertThat(parser.read(in)).isNull();
    assertThat(parser.endOfInput()).isNull();
  }

  @Test
  void aLineThatComesAgainReadsTheSameAndAChangedValueReadsAsChanged() throws Exception {
    AnswerParser parser = new AnswerParser(LIMIT);
    String[] dates = {"Mon, 23 Nov 2026 10:00:00 GMT", "Mon, 23 Nov 2026 10:00:01 GMT", "Mon, 23 Nov 2026 10:00:01 GMT"};
    for (String date : dates) {
      parser.expect(false);
      ByteBuf in = Unpooled.copiedBuffer("HTTP/1.1 200 OK\r\nServer: nginx\r\nDate: " + date
          + "\r\nContent-Length: 0\r\nx-a: 1\r\nX-A: 2\r\n\r\n", StandardCharsets.US_ASCII);
      UpstreamAnswer answer = parser.read(in);
      assertThat(answer.headers().get("date")).isEqualTo(date);
      assertThat(answer.headers().get("server")).isEqualTo("nginx");
      assertThat(answer.headers().getAll("x-a")).containsExactly("1", "2");
    }
  }

  @Test
  void oneParserReadsTheAnswersOfAConnectionInTurn() throws Exception {
    AnswerParser parser = new AnswerParser(LIMIT);
    for (String body : new String[] {"first", "second", ""}) {
      parser.expect(false);
      ByteBuf in = Unpooled.copiedBuffer("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
          + (body.isEmpty() ? "" : Integer.toHexString(body.length()) + "\r\n" + body + "\r\n") + "0\r\n\r\n",
          StandardCharsets.US_ASCII);
      assertThat(parser.read(in).body().toString()).isEqualTo(body);
    }
  }
}
