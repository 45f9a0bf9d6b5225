package org.bluemarble.node;

import java.util.concurrent.Callable;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.bluemarble.config.BlueMarbleSettings;
import org.bluemarble.config.ConfigLoader;
import org.bluemarble.config.Profile;
import org.bluemarble.config.SettingsException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code bluemarble-node} binary. Without a sub-command it serves: loads the profile's settings
 * (stopping with one line naming the key when one is wrong), builds the ActorSystem and calls
 * {@link BlueMarbleNode#init}. SIGTERM and SIGINT run CoordinatedShutdown (leave the cluster, hand
 * off shards, unbind) and exit 0.
 */
@Command(
    name = "bluemarble-node",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    subcommands = {PlanetCommand.class, org.bluemarble.replay.ReplayCommand.class},
    description = "BlueMarble game server node. Serves unless a sub-command is given.")
public final class Main implements Callable<Integer> {
  /** Exit code for a configuration or start-up problem. */
  static final int BAD_CONFIGURATION = 2;

  @Option(
      names = "--profile",
      description =
          "embedded (default), local1, local2, local3 or production; also BLUEMARBLE_PROFILE.")
  String profile;

  public static void main(String[] args) {
    if (CommonPool.requireParallelism() < 2) {
      System.err.println(
          "bluemarble-node: warning: "
              + CommonPool.PROPERTY
              + " is below 2; every async callback will start a thread");
    }
    int code = new CommandLine(new Main()).execute(args);
    if (code != 0) {
      System.exit(code);
    }
  }

  @Override
  public Integer call() {
    BlueMarbleSettings settings;
    com.typesafe.config.Config systemConfig;
    try {
      Profile p =
          profile != null ? Profile.fromName(profile) : ConfigLoader.profileFromEnvironment();
      settings = BlueMarbleSettings.load(p);
      systemConfig =
          ClusterJoin.fromConfig(settings.config())
              .withAppVersion(settings.config(), Version.current());
    } catch (SettingsException e) {
      System.err.println("bluemarble-node: " + e.getMessage());
      return BAD_CONFIGURATION;
    }
    Observability.configureLogging(settings);
    if (settings.metrics().enabled()) {
      Observability.startMetrics(settings.config());
    }
    ActorSystem<Void> system;
    try {
      system = ActorSystem.create(Behaviors.empty(), "BlueMarble", systemConfig);
    } catch (RuntimeException e) {
      System.err.println(
          "bluemarble-node: cannot start the actor system on "
              + settings.node().bindHost()
              + ":"
              + settings.node().remotePort()
              + " (bluemarble.node.remote-port / BLUEMARBLE_REMOTE_PORT): "
              + BlueMarbleNode.rootMessage(e));
      return BAD_CONFIGURATION;
    }
    if (settings.metrics().enabled()) {
      Observability.stopMetricsOnShutdown(system);
    }
    try {
      BlueMarbleNode.init(system, settings, Version.current());
    } catch (StartupException e) {
      System.err.println("bluemarble-node: " + e.getMessage());
      system.terminate();
      return BAD_CONFIGURATION;
    }
    Signals.shutdownOnTermination(
        () -> CoordinatedShutdown.get(system).runAll(CoordinatedShutdown.jvmExitReason()));
    return 0;
  }

  /** The build's version from the jar manifest, "dev" when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    static String current() {
      String v = Main.class.getPackage().getImplementationVersion();
      return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
      return new String[] {"bluemarble-node " + current()};
    }
  }
}
