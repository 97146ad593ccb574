import dev.lingogate.gateway.ApiKind;
import dev.lingogate.gateway.Gateway;
import dev.lingogate.gateway.GatewayOptions;
import dev.lingogate.gateway.PayloadFormat;
import dev.lingogate.gateway.Route;
import dev.lingogate.gateway.http.NetworkTransport;
import dev.lingogate.gateway.integration.HttpProxyTarget;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The gateway alone, with one http_proxy route {@code ANY /{proxy+}} to a backend: what
 * bench/gateway/run.sh puts side by side with nginx. A source-file program (java ProxyGateway.java)
 * run on the gateway module's classpath, as the bench module does not depend on the gateway.
 *
 * <pre>java -cp GATEWAY_CLASSPATH bench/gateway/ProxyGateway.java PORT BACKEND_URL [EVENT_LOOPS [auto|io_uring|epoll|nio]]</pre>
 */
public final class ProxyGateway {

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    String backend = args[1];
    int loops = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
    NetworkTransport transport = NetworkTransport.named(args.length > 3 ? args[3] : "auto");
    Vertx vertx = transport.vertx(new VertxOptions().setEventLoopPoolSize(loops));
    Gateway gateway = new Gateway(vertx,
        GatewayOptions.defaults().withPort(port).withApiKind(ApiKind.REST).withEventLoops(loops),
        List.of(Route.httpProxy("ANY", "/{proxy+}", new HttpProxyTarget(backend + "/{proxy}"), PayloadFormat.V1)),
        (function, event) -> CompletableFuture.failedFuture(new IllegalStateException("no functions here")));
    gateway.start().toCompletionStage().toCompletableFuture().get();
    System.out.println("gateway listening on " + gateway.port() + ", proxying to " + backend
        + ", on " + transport);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        gateway.stop().compose(stopped -> vertx.close()).toCompletionStage().toCompletableFuture().get();
      } catch (Exception e) {
        Thread.currentThread().interrupt();
      }
    }));
    Thread.currentThread().join();
  }
}
