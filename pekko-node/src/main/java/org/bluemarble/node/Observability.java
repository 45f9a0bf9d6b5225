package org.bluemarble.node;

import com.typesafe.config.Config;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import kamon.Kamon;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.bluemarble.config.BlueMarbleSettings;
import scala.jdk.javaapi.FutureConverters;

/**
 * Log format and metrics: chosen before the first logger or actor exists, because both are fixed at
 * first use.
 */
final class Observability {
  private Observability() {}

  /**
   * Selects the Logback appender (see logback.xml): readable lines, or one JSON object per line.
   */
  static void configureLogging(BlueMarbleSettings settings) {
    System.setProperty("bluemarble.log.appender", settings.metrics().jsonLogs() ? "JSON" : "TEXT");
    System.setProperty(
        "bluemarble.log.node",
        settings.node().advertisedHost() + ":" + settings.node().remotePort());
  }

  /**
   * Starts Kamon (instrumentation and the Prometheus endpoint) before the ActorSystem, so Pekko is
   * instrumented.
   */
  static void startMetrics(Config config) {
    Kamon.init(config);
  }

  static void stopMetricsOnShutdown(ActorSystem<?> system) {
    CoordinatedShutdown.get(system)
        .addTask(
            CoordinatedShutdown.PhaseBeforeActorSystemTerminate(),
            "stop-kamon",
            (Supplier<CompletionStage<Done>>)
                () -> FutureConverters.asJava(Kamon.stop()).thenApply(x -> Done.getInstance()));
  }
}
