package org.bluemarble.load;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import org.bluemarble.load.account.ProvisioningException;
import org.bluemarble.load.capacity.CapacityCriteria;
import org.bluemarble.load.capacity.CapacityResult;
import org.bluemarble.load.capacity.CapacitySearch;
import org.bluemarble.load.capacity.StepResult;
import org.bluemarble.load.driver.LoadRun;
import org.bluemarble.load.driver.RunResult;
import org.bluemarble.load.driver.RunSettings;
import org.bluemarble.load.driver.TransportMode;
import org.bluemarble.load.report.ReportWriter;
import org.bluemarble.load.scenario.LatLng;
import org.bluemarble.load.scenario.Scenario;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code bluemarble-load} command: a fixed load (N bots for T seconds) or, with {@code
 * --capacity}, the capacity search. Bad values end with a message naming the option and exit code
 * 2.
 */
@Command(
    name = "bluemarble-load",
    mixinStandardHelpOptions = true,
    description =
        "Drives bots against a BlueMarble node and writes a JSON summary and an HTML report.")
public final class LoadCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--target",
      description = "Node host (default ${DEFAULT-VALUE}); non-loopback only when given here.")
  String target = "127.0.0.1";

  @Option(
      names = "--http-port",
      description = "HTTP port: REST API and the /ws game WebSocket (default ${DEFAULT-VALUE}).")
  int httpPort = 8080;

  @Option(names = "--udp-port", description = "Game UDP port (default ${DEFAULT-VALUE}).")
  int udpPort = 7777;

  @Option(
      names = "--bots",
      description =
          "Bots (fixed run), or the largest N (capacity search). Default ${DEFAULT-VALUE}.")
  int bots = 200;

  @Option(
      names = "--seconds",
      description = "Steady-state seconds (per step with --capacity). Default ${DEFAULT-VALUE}.")
  int seconds = 30;

  @Option(
      names = "--ramp-seconds",
      description = "Ramp-up seconds (ramp-down takes half). Default ${DEFAULT-VALUE}.")
  int rampSeconds = 10;

  @Option(
      names = "--warmup-seconds",
      description =
          "Seconds the bots play after the ramp-up before the steady state, not counted (lets the"
              + " node's JIT compile; with --capacity, per step). Default ${DEFAULT-VALUE}.")
  int warmupSeconds;

  @Option(names = "--transport", description = "udp, ws or mixed (default ${DEFAULT-VALUE}).")
  String transport = "udp";

  @Option(names = "--scenario", description = "dense or spread (default ${DEFAULT-VALUE}).")
  String scenario = "dense";

  @Option(names = "--seed", description = "Behaviour seed (default ${DEFAULT-VALUE}).")
  long seed = 7;

  @Option(names = "--out", description = "Report folder (default load-report-<time>).")
  Path out;

  @Option(
      names = "--center",
      description =
          "Scenario centre lat,lon in degrees (default ${DEFAULT-VALUE}: the world spawn).")
  String centre = "-21.0,-27.0";

  @Option(
      names = "--admin",
      description = "user:password of an Admin: bulk accounts and server tick statistics.")
  String admin;

  @Option(
      names = "--chat-per-minute",
      description = "Chat lines per bot per minute (default ${DEFAULT-VALUE}).")
  double chatPerMinute;

  @Option(
      names = "--combat-per-minute",
      description =
          "Abilities each bot uses per minute on a visible target; summary.json gets a combat"
              + " object (default ${DEFAULT-VALUE}).")
  double combatPerMinute;

  @Option(
      names = "--observer-pct",
      description =
          "Percentage of bots that decode snapshots and time observations; the others receive,"
              + " count and acknowledge them (default ${DEFAULT-VALUE}).")
  int observerPct = 100;

  @Option(
      names = "--node-pid",
      description =
          "Process id of the node when it runs on this machine: the summary reports its CPU over"
              + " the steady state (node-load.sh passes it).")
  long nodePid;

  @Option(names = "--capacity", description = "Run the capacity search up to --bots.")
  boolean capacity;

  @Option(
      names = "--capacity-start",
      description = "First N of the capacity search (default ${DEFAULT-VALUE}).")
  int capacityStart = 50;

  @Option(
      names = "--capacity-step",
      description = "N added per capacity step (default ${DEFAULT-VALUE}).")
  int capacityStep = 50;

  @Override
  public Integer call() {
    PrintWriter o = spec.commandLine().getOut();
    RunSettings settings;
    String targetLine;
    CapacitySearch search = null;
    try {
      boolean explicit = spec.commandLine().getParseResult().hasMatchedOption("--target");
      targetLine = TargetCheck.describe(target, explicit);
      Path dir =
          out != null
              ? out
              : Path.of(
                  "load-report-"
                      + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
      settings =
          new RunSettings(
              target,
              httpPort,
              udpPort,
              bots,
              seconds,
              rampSeconds,
              TransportMode.parse(transport),
              Scenario.parse(scenario),
              seed,
              LatLng.parse(centre),
              admin,
              chatPerMinute,
              dir,
              observerPct,
              nodePid,
              combatPerMinute,
              warmupSeconds);
      if (capacity) {
        search = new CapacitySearch(CapacityCriteria.ISSUE_8, capacityStart, capacityStep, bots);
      }
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    o.println("target: " + targetLine);
    o.flush();
    try {
      return capacity ? capacity(settings, search, o) : fixed(settings, o);
    } catch (ProvisioningException | java.io.UncheckedIOException e) {
      spec.commandLine().getErr().println("load test aborted: " + e.getMessage());
      return 1;
    }
  }

  private int fixed(RunSettings settings, PrintWriter o) {
    RunResult result = new LoadRun(settings, line -> println(o, line)).run();
    java.nio.file.Path html = ReportWriter.write(result, settings.out());
    o.println(result.summary());
    o.println(
        "report: "
            + settings.out().toAbsolutePath()
            + " ("
            + html.getFileName()
            + ", "
            + ReportWriter.SUMMARY_JSON
            + ")");
    o.flush();
    return 0;
  }

  private int capacity(RunSettings settings, CapacitySearch search, PrintWriter o) {
    println(o, "capacity search over N = " + search.plannedSteps());
    CapacityCriteria.ISSUE_8.describe().forEach(c -> println(o, "  criterion: " + c));
    CapacityResult result =
        search.search(
            n -> {
              RunSettings s =
                  settings
                      .withBots(n)
                      .withSecondsAndOut(settings.seconds(), settings.out().resolve("n" + n));
              println(o, "--- step N=" + n);
              RunResult r = new LoadRun(s, line -> println(o, line)).run();
              ReportWriter.write(r, s.out());
              println(o, r.summary());
              return new CapacitySearch.Ran(StepResult.of(r), s.out().toString());
            });
    ReportWriter.write(result, settings.out());
    o.println(result.describe());
    o.println(
        "report: "
            + settings.out().toAbsolutePath()
            + " ("
            + ReportWriter.CAPACITY_JSON
            + ", one folder per step)");
    o.flush();
    return 0;
  }

  private static void println(PrintWriter o, String line) {
    o.println(line);
    o.flush();
  }
}
