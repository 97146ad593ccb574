package dev.lingogate.gateway.http;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.impl.transports.TransportInternal;
import io.vertx.core.transport.Transport;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which of the kernel's network interfaces the event loops use: io_uring where the kernel offers it,
 * else epoll, else Java NIO.
 *
 * <p>Vert.x's own preference ({@code setPreferNativeTransport}) takes epoll before io_uring. Here
 * io_uring comes first because it measured cheaper: about a quarter less CPU per proxied request than
 * epoll, alternated on one machine (docs/BENCHMARKS.md, the gateway beside nginx). A kernel may forbid
 * io_uring (sysctl {@code kernel.io_uring_disabled}, container seccomp profiles); Netty's own probe
 * then reports it unavailable and the next one is taken. A setting can force one by name. On
 * io_uring the loops read into rings of provided buffers ({@link ProvidedBufferIoUring}).
 */
public enum NetworkTransport {
  IO_URING(Transport.IO_URING),
  EPOLL(Transport.EPOLL),
  NIO(Transport.NIO);

  /** Most preferred first. */
  private static final List<NetworkTransport> PREFERENCE = List.of(IO_URING, EPOLL, NIO);

  /** io_uring with a ring of provided buffers per event loop and multishot receives (ProvidedBufferIoUring). */
  private static final Transport PROVIDED_BUFFERS =
      new TransportInternal("io_uring", true, null, new ProvidedBufferIoUring());

  private final Transport transport;

  NetworkTransport(Transport transport) {
    this.transport = transport;
  }

  /** The first of io_uring, epoll and NIO that this kernel and JVM can run. */
  public static NetworkTransport fastestAvailable() {
    return PREFERENCE.stream().filter(NetworkTransport::available).findFirst().orElse(NIO);
  }

  /**
   * @param name {@code auto}, {@code io_uring}, {@code epoll} or {@code nio}, in any case
   * @throws IllegalArgumentException naming the choices, for another name or an unavailable transport
   */
  public static NetworkTransport named(String name) {
    if (name.equalsIgnoreCase("auto")) {
      return fastestAvailable();
    }
    NetworkTransport chosen = byName(name).orElseThrow(() -> new IllegalArgumentException(
        "unknown network transport '" + name + "': choose auto, io_uring, epoll or nio"));
    if (!chosen.available()) {
      throw new IllegalArgumentException("network transport " + chosen + " cannot run here: "
          + chosen.transport.unavailabilityCause());
    }
    return chosen;
  }

  private static Optional<NetworkTransport> byName(String name) {
    return PREFERENCE.stream().filter(t -> t.toString().equals(name.toLowerCase(Locale.ROOT))).findFirst();
  }

  public boolean available() {
    return transport.available();
  }

  /** A Vert.x instance whose event loops run on this transport. */
  public Vertx vertx(VertxOptions options) {
    return Vertx.builder().with(options).withTransport(this == IO_URING ? PROVIDED_BUFFERS : transport).build();
  }

  /** The name a setting uses: {@code io_uring}, {@code epoll} or {@code nio}. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
