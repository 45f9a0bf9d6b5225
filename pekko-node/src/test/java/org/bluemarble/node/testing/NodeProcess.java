package org.bluemarble.node.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A node as users run it: {@code java -jar bluemarble-node.jar} in its own JVM, configured by
 * environment variables, with its output in a file. Stopped gracefully with SIGTERM or killed with
 * SIGKILL.
 */
public final class NodeProcess implements AutoCloseable {
  private final Process process;
  private final Path log;
  public final int httpPort;
  public final int managementPort;
  public final int remotePort;

  private NodeProcess(Process process, Path log, int http, int management, int remote) {
    this.process = process;
    this.log = log;
    this.httpPort = http;
    this.managementPort = management;
    this.remotePort = remote;
  }

  /** The jar built by the package phase (failsafe passes its path). */
  public static Path jar() {
    String path = System.getProperty("bluemarble.node.jar");
    if (path == null || !Files.exists(Path.of(path))) {
      throw new IllegalStateException(
          "bluemarble.node.jar not built (run through `./mvnw verify`): " + path);
    }
    return Path.of(path);
  }

  /**
   * Starts a node on free ports with {@code environment} added to ours; the ports can be fixed via
   * {@code remotePort}.
   */
  public static NodeProcess start(String name, Map<String, String> environment, int remotePort) {
    int http = FreePorts.next();
    int management = FreePorts.next();
    Map<String, String> env = new HashMap<>(environment);
    env.putIfAbsent("BLUEMARBLE_HTTP_PORT", Integer.toString(http));
    env.putIfAbsent("BLUEMARBLE_MANAGEMENT_PORT", Integer.toString(management));
    env.putIfAbsent("BLUEMARBLE_REMOTE_PORT", Integer.toString(remotePort));
    env.putIfAbsent("BLUEMARBLE_METRICS_PORT", Integer.toString(FreePorts.next()));
    env.putIfAbsent("BLUEMARBLE_UDP_PORT", Integer.toString(FreePorts.next()));
    env.putIfAbsent("BLUEMARBLE_METRICS_ENABLED", "false");
    env.putIfAbsent("BLUEMARBLE_BOOTSTRAP_ADMIN", AdminClient.TEST_ADMIN_SETTING);
    return launch(name, env, List.of(), http, management, remotePort);
  }

  /** Runs the jar with exactly this environment and arguments (for start-up failure tests). */
  public static NodeProcess launch(
      String name,
      Map<String, String> env,
      List<String> args,
      int http,
      int management,
      int remote) {
    try {
      // Next to the jar (target/node-logs), not in /tmp: kept for a failure's post-mortem until
      // the next `mvn clean`, instead of piling up in the machine's temp directory.
      Path logs = Files.createDirectories(jar().toAbsolutePath().getParent().resolve("node-logs"));
      Path log = Files.createTempFile(logs, name + "-", ".log");
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-Xmx384m");
      command.add("-XX:+UseSerialGC");
      command.add("-XX:TieredStopAtLevel=1");
      // Every test client registers from 127.0.0.1: the production limit (5 per address per hour)
      // would refuse the players a process test signs up, as in InProcessNode.
      command.add("-Dbluemarble.auth.rate-limits.registration.capacity=10000");
      command.add("-jar");
      command.add(jar().toString());
      command.addAll(args);
      ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
      pb.redirectOutput(log.toFile());
      pb.environment().keySet().removeIf(k -> k.startsWith("BLUEMARBLE_"));
      pb.environment().putAll(env);
      return new NodeProcess(pb.start(), log, http, management, remote);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public AdminClient admin() {
    return new AdminClient(httpPort);
  }

  /** Waits until /health answers 200 healthy. */
  public NodeProcess awaitHealthy(Duration timeout) {
    await()
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(250))
        .failFast("node exited: " + output(), () -> !process.isAlive())
        .until(
            () -> {
              AdminClient.Response r = admin().healthOrNothing();
              return r.status() == 200 && "healthy".equals(r.body().path("status").asText());
            });
    return this;
  }

  /** SIGTERM, then waits for the exit; returns the exit code. */
  public int stop(Duration timeout) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError("node did not exit within " + timeout + ": " + output());
    }
    return process.exitValue();
  }

  /** SIGKILL: the JVM dies at once, like a crashed machine. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Waits for the process to exit on its own; returns the exit code. */
  public int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError("node did not exit within " + timeout + ": " + output());
    }
    return process.exitValue();
  }

  public String output() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no output: " + e + ")";
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      try {
        process.destroyForcibly().waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
