package org.bluemarble.load.driver;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.bluemarble.load.account.AccountProvisioner;
import org.bluemarble.load.account.BotAccount;
import org.bluemarble.load.account.JsonHttp;
import org.bluemarble.load.metrics.Counters;
import org.bluemarble.load.metrics.LatencyMetric;
import org.bluemarble.load.scenario.BotPlan;
import org.bluemarble.load.scenario.LatLng;
import org.bluemarble.load.scenario.ScenarioGeometry;
import org.bluemarble.load.server.ServerProbe;
import org.bluemarble.load.server.ServerStats;
import org.bluemarble.protocol.client.ClientIoLoop;

/**
 * One fixed run: creates the accounts, starts the bots evenly over the ramp-up, keeps them walking
 * through the warm-up (not counted) and the steady state, stops them over the ramp-down and returns
 * what was measured. Threads: one driver thread (starts, inputs at 10 Hz spread over ten 10 ms
 * slots, one sample per second), one UDP selector thread for every UDP bot, two WebSocket I/O
 * threads, one for blocking HTTP calls. The run ends by itself: ramp-up + warm-up + steady +
 * ramp-down, with a hard limit of 60 s more.
 */
public final class LoadRun {

  /** Input slots per 100 ms input period (one slot every 10 ms). */
  static final int SLOTS = 10;

  /** The driver's step period: one input slot (inputs at 10 Hz, spread over {@link #SLOTS}). */
  static final long STEP_NANOS = TimeUnit.MILLISECONDS.toNanos(100) / SLOTS;

  private final RunSettings settings;
  private final Consumer<String> log;
  private final List<String> notes = new ArrayList<>();

  /** A run of {@code settings} reporting progress lines to {@code log}. */
  public LoadRun(RunSettings settings, Consumer<String> log) {
    this.settings = settings;
    this.log = log;
  }

  /** Runs to the end and returns the measurements. */
  public RunResult run() {
    Instant started = Instant.now();
    long t0 = System.nanoTime();
    long cpu0 = MachineLoad.processCpuNanos();
    note(MachineLoad.loadAverage("at start"));
    ScenarioGeometry geometry =
        ScenarioGeometry.of(settings.scenario(), settings.bots(), settings.centre());
    note("scenario " + geometry.describe());
    note(
        "seed "
            + settings.seed()
            + ", transport "
            + settings.transport()
            + ", "
            + BotPlan.SPEED_MPS
            + " m/s random waypoints, inputs at 10 Hz; "
            + settings.observerPct()
            + " % of the bots decode and time snapshots");
    note(
        settings.warmupSeconds() > 0
            ? "warm-up: "
                + settings.warmupSeconds()
                + " s of play after every bot is in the world, not counted; then "
                + settings.seconds()
                + " s of steady state"
            : "no warm-up: the steady state begins when every bot is in the world (a node started"
                + " just before is still compiling; see --warmup-seconds)");
    List<BotPlan> plans = new ArrayList<>();
    List<LatLng> starts = new ArrayList<>();
    for (int i = 0; i < settings.bots(); i++) {
      BotPlan p = new BotPlan(settings.seed(), i, geometry);
      plans.add(p);
      starts.add(p.start());
    }
    ExecutorService wsIo = Executors.newFixedThreadPool(2, daemon("bots-ws"));
    ExecutorService blocking = Executors.newSingleThreadExecutor(daemon("bots-http"));
    HttpClient http = HttpClient.newBuilder().executor(wsIo).build();
    // The API has its own client: the WebSocket pool is shut down before the last server
    // statistics are read.
    JsonHttp api =
        new JsonHttp(
            HttpClient.newBuilder().build(),
            URI.create("http://" + hostForUri() + ":" + settings.httpPort()));
    AccountProvisioner provisioner = new AccountProvisioner(api, this::note);
    String prefix =
        "lt"
            + settings.seed()
            + "x"
            + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36)
            + "n";
    List<BotAccount> accounts = provisioner.provision(prefix, starts, settings.admin());
    String adminToken = null;
    if (settings.admin() != null) {
      String a = settings.admin();
      adminToken =
          provisioner.login(a.substring(0, a.indexOf(':')), a.substring(a.indexOf(':') + 1));
    }
    ServerProbe probe = new ServerProbe(api, adminToken);
    checkWorld(probe);

    Counters counters = new Counters();
    LatencyMetric rtt = new LatencyMetric();
    LatencyMetric observer = new LatencyMetric();
    ClientIoLoop loop = new ClientIoLoop("bots-udp");
    BotContext ctx =
        new BotContext(
            http,
            URI.create("ws://" + hostForUri() + ":" + settings.httpPort() + "/ws"),
            new InetSocketAddress(settings.target(), settings.udpPort()),
            loop,
            counters,
            rtt,
            observer,
            settings.chatPerMinute(),
            new java.util.concurrent.ConcurrentHashMap<>(),
            new CombatLoad(settings.combatPerMinute()),
            new ChatLoad(
                settings.chatPerMinute(), accounts.stream().map(BotAccount::playerId).toList()));
    List<Bot> bots = new ArrayList<>();
    for (int i = 0; i < settings.bots(); i++) {
      bots.add(
          new Bot(
              i,
              accounts.get(i),
              plans.get(i),
              settings.transport().udpFor(i),
              settings.seed(),
              ctx,
              settings.observes(i)));
    }
    Sampler sampler = new Sampler(counters, rtt, observer, bots);
    Schedule schedule =
        new Schedule(
            settings.rampSeconds(), settings.warmupSeconds(), settings.seconds(), settings.bots());
    CompletableFuture<Void> done = new CompletableFuture<>();
    CompletableFuture<ServerStats> serverStats = new CompletableFuture<>();
    ScheduledExecutorService driver =
        Executors.newSingleThreadScheduledExecutor(daemon("bots-driver"));
    SteadyCpu cpu = new SteadyCpu(settings.nodePid());
    Driver d = new Driver(bots, schedule, sampler, probe, starts, blocking, serverStats, done, cpu);
    driver.scheduleAtFixedRate(d::step, 0, STEP_NANOS, TimeUnit.NANOSECONDS);
    driver.scheduleAtFixedRate(d::sample, 1, 1, TimeUnit.SECONDS);
    try {
      done.get(
          (long) Math.ceil(schedule.totalSeconds()) + Schedule.SETTLE_LIMIT_SECONDS + 60,
          TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      note("hard time limit reached: stopping every bot");
    } catch (Exception e) {
      note("driver failed: " + e);
    } finally {
      driver.shutdownNow();
      bots.forEach(Bot::stop);
      loop.close();
      wsIo.shutdownNow();
    }
    ServerStats server;
    try {
      server = serverStats.get(15, TimeUnit.SECONDS);
    } catch (Exception e) {
      server = ServerStats.unavailable("server statistics not collected: " + e);
    }
    blocking.shutdownNow();
    if (d.skippedSlots() > 0) {
      note(
          "the driver ran late: "
              + d.skippedSlots()
              + " input slots of "
              + (100 / SLOTS)
              + " ms skipped (their bots sent no input in that round rather than a burst later)");
    }
    note(MachineLoad.describe(cpu0, t0));
    return new RunResult(
        settingsMap(),
        geometry.describe(),
        List.copyOf(notes),
        started.toString(),
        Math.round((System.nanoTime() - t0) / 1e7) / 100.0,
        settings.bots(),
        sampler.peakConnected(),
        sampler.peakInWorld(),
        sampler.meanInWorldSteady(),
        rtt.steady(),
        observer.steady(),
        sampler.snapshotsPerBotSecond(),
        sampler.bytesInPerBotSecond(),
        sampler.bytesOutPerBotSecond(),
        counters.inputsSent.sum(),
        counters.inputAcks.sum(),
        counters.untimedAcks.sum(),
        counters.corrections.sum(),
        counters.observations.sum(),
        counters.errorsByReason(),
        counters.disconnectsByReason(),
        server,
        List.copyOf(sampler.timeline()),
        cpu.result(),
        ctx.combat().summary(),
        chatStats(counters, ctx.chat()));
  }

  private static ChatStats chatStats(Counters counters, ChatLoad chat) {
    counters.chatDelivery.sample(true);
    var d = counters.chatDelivery.total();
    return new ChatStats(
        counters.chatSent.sum(),
        counters.chatDelivered.sum(),
        d.p50Ms(),
        d.p99Ms(),
        counters.chatRefused.sum(),
        chat.guildMembers.get(),
        chat.summary());
  }

  private void checkWorld(ServerProbe probe) {
    var world = probe.world();
    if (world == null) {
      note(
          "node world settings unknown (no admin access); the dense scenario assumes an AOI radius of "
              + ScenarioGeometry.DENSE_AOI_RADIUS_M
              + " m (BLUEMARBLE_AOI_RADIUS=250)");
      return;
    }
    double aoi = world.path("aoiRadiusMeters").asDouble(Double.NaN);
    note(
        "node: tick "
            + world.path("tickHz").asText("?")
            + " Hz, snapshots "
            + world.path("snapshotHz").asText("?")
            + " Hz, AOI radius "
            + aoi
            + " m");
    if (settings.scenario() == org.bluemarble.load.scenario.Scenario.DENSE
        && aoi != ScenarioGeometry.DENSE_AOI_RADIUS_M) {
      note(
          "WARNING: dense assumes an AOI radius of 250 m; the node has "
              + aoi
              + " m, so bots see about "
              + Math.round(50 * aoi * aoi / (250.0 * 250.0))
              + " others");
    }
  }

  private Map<String, Object> settingsMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("target", settings.target());
    m.put("httpPort", settings.httpPort());
    m.put("udpPort", settings.udpPort());
    m.put("bots", settings.bots());
    m.put("seconds", settings.seconds());
    m.put("rampSeconds", settings.rampSeconds());
    m.put("warmupSeconds", settings.warmupSeconds());
    m.put("transport", settings.transport().name().toLowerCase(java.util.Locale.ROOT));
    m.put("scenario", settings.scenario().name().toLowerCase(java.util.Locale.ROOT));
    m.put("seed", settings.seed());
    m.put("centre", settings.centre().toString());
    m.put("chatPerMinute", settings.chatPerMinute());
    m.put("combatPerMinute", settings.combatPerMinute());
    m.put("observerPct", settings.observerPct());
    m.put("nodePid", settings.nodePid());
    return m;
  }

  private String hostForUri() {
    String t = settings.target();
    return t.contains(":") && !t.startsWith("[") ? "[" + t + "]" : t;
  }

  private void note(String line) {
    notes.add(line);
    log.accept(line);
  }

  static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
