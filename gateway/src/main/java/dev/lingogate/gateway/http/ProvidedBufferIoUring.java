package dev.lingogate.gateway.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.uring.IoUringAdaptiveBufferRingAllocator;
import io.netty.channel.uring.IoUringBufferRingConfig;
import io.netty.channel.uring.IoUringChannelOption;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringIoHandlerConfig;
import io.vertx.core.impl.transports.IoUringTransport;
import io.vertx.core.net.NetServerOptions;

/**
 * Vert.x's io_uring transport with a ring of buffers the kernel fills itself: each event loop
 * registers one (256 buffers, 4 KB to start, sized by Netty to the reads it sees), and every TCP
 * connection reads with one multishot receive into it, instead of a receive submitted again after
 * each read (two per proxied request: the client's connection and the service's). When a ring runs
 * dry, Netty grows it or reads the plain way, so a connection never stalls for want of a buffer.
 */
final class ProvidedBufferIoUring extends IoUringTransport {

  /** The id every connection names its loop's ring by; each loop registers its own under it. */
  static final short BUFFER_GROUP = 1;
  private static final short BUFFERS_PER_LOOP = 256;
  private static final int BUFFERS_ADDED_AT_ONCE = 64;

  @Override
  public IoHandlerFactory ioHandlerFactory() {
    return IoUringIoHandler.newFactory(new IoUringIoHandlerConfig().setBufferRingConfig(
        IoUringBufferRingConfig.builder()
            .bufferGroupId(BUFFER_GROUP)
            .bufferRingSize(BUFFERS_PER_LOOP)
            .batchSize(BUFFERS_ADDED_AT_ONCE)
            .allocator(new IoUringAdaptiveBufferRingAllocator())
            .build()));
  }

  @Override
  public void configure(NetServerOptions options, boolean domainSocket, ServerBootstrap bootstrap) {
    super.configure(options, domainSocket, bootstrap);
    if (!domainSocket) {
      bootstrap.childOption(IoUringChannelOption.IO_URING_BUFFER_GROUP_ID, BUFFER_GROUP);
    }
  }

  /** TCP connections made from here (Vert.x's clients, http_proxy's upstreams) read into the ring too. */
  @Override
  public ChannelFactory<? extends Channel> channelFactory(boolean domainSocket) {
    ChannelFactory<? extends Channel> plain = super.channelFactory(domainSocket);
    if (domainSocket) {
      return plain;
    }
    return () -> {
      Channel channel = plain.newChannel();
      channel.config().setOption(IoUringChannelOption.IO_URING_BUFFER_GROUP_ID, BUFFER_GROUP);
      return channel;
    };
  }
}
