package org.bluemarble.replay;

import com.typesafe.config.ConfigFactory;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.settings.ServerSettings;
import org.bluemarble.replay.grpc.JournalServicePowerApiHandlerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds the gRPC {@link JournalGrpcService} (HTTP/2, over TLS when configured) on the node's bind
 * host.
 */
public final class JournalServer {
  private static final Logger log = LoggerFactory.getLogger(JournalServer.class);

  private JournalServer() {}

  /**
   * Serves the journal service on {@code host:settings.port()}, unbound by CoordinatedShutdown; the
   * binding completes (or fails) when the port is bound.
   */
  public static CompletionStage<ServerBinding> start(
      ActorSystem<?> system,
      String host,
      JournalServiceSettings settings,
      Replay replay,
      JournalReader reader,
      Function<String, CompletionStage<Boolean>> isAdmin) {
    JournalGrpcService service =
        new JournalGrpcService(
            replay,
            reader,
            isAdmin,
            system.dispatchers().lookup(DispatcherSelector.blocking()),
            settings.pollInterval(),
            org.bluemarble.stream.Experiments.fromConfig(system.settings().config()));
    ServerSettings http2 =
        ServerSettings.create(
            ConfigFactory.parseString("pekko.http.server.enable-http2 = on")
                .withFallback(system.settings().config()));
    var server = Http.get(system).newServerAt(host, settings.port()).withSettings(http2);
    if (settings.tls().isPresent()) {
      // HTTP/2 over TLS (ALPN) with the node's keystore; plaintext callers are refused.
      server = server.enableHttps(settings.tls().get().context());
    }
    return server
        .bind(JournalServicePowerApiHandlerFactory.create(service, system))
        .thenApply(
            binding -> {
              log.info(
                  "gRPC JournalService on {} ({})",
                  binding.localAddress(),
                  settings.tls().isPresent() ? "TLS" : "plaintext");
              binding.addToCoordinatedShutdown(java.time.Duration.ofSeconds(5), system);
              return binding;
            });
  }
}
