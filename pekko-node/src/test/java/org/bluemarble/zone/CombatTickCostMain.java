package org.bluemarble.zone;

import com.google.common.geometry.S2CellId;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.bluemarble.combat.Abilities;
import org.bluemarble.combat.Ability;
import org.bluemarble.player.CharacterClass;
import org.bluemarble.spatial.GeoPosition;
import org.bluemarble.spatial.SpatialCells;
import org.bluemarble.spatial.Sphere;
import org.slf4j.LoggerFactory;

/**
 * The whole zone tick of a cell where N players fight ({@link CellTicker#tick}: movement, combat,
 * creatures, combat feeds and snapshots to the sessions, handoffs, ghosts), as thread CPU time and
 * wall time per tick, p50/p99/max. Players of all four classes (level 30) stand in pairs 2 m apart
 * within 300 m of a desert cell's centre (an open PvP zone) beside the cell's own creatures; each
 * uses an ability of its book on its partner (or itself, or an ally) once a second, staggered over
 * the ticks. CPU time stays meaningful on a machine shared with other work, where wall-clock
 * samples mostly measure waiting for a core. Run after test-compile with the test classpath;
 * arguments: ticks measured (default 3,000, after 600 warm-up ticks) and the sizes, comma-separated
 * (default 500).
 */
public final class CombatTickCostMain {
  private static final CharacterClass[] CLASSES = CharacterClass.values();

  private CombatTickCostMain() {}

  public static void main(String[] args) {
    int ticks = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
    int[] sizes =
        args.length > 1
            ? Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray()
            : new int[] {500};
    ActorTestKit kit = ActorTestKit.create("CombatTickCostMain");
    try {
      ActorRef<SessionEvent> sessions = kit.spawn(Behaviors.ignore(), "sessions");
      ActorRef<ZoneCell.Reply> receipts = kit.spawn(Behaviors.ignore(), "receipts");
      for (int players : sizes) {
        run(players, ticks, sessions, receipts);
      }
    } finally {
      kit.shutdownTestKit();
    }
  }

  private static void run(
      int players, int ticks, ActorRef<SessionEvent> sessions, ActorRef<ZoneCell.Reply> receipts) {
    ZoneSettings settings = ZoneSettings.defaults(Sphere.EARTH);
    S2CellId cell = SpatialCells.cellAt(GeoPosition.of(12, 20), settings.zoneLevel());
    GeoPosition centre = SpatialCells.centreOf(cell);
    Terrain desert = TestTerrains.flat("Desert");
    CellSimulation sim = new CellSimulation(cell, settings, desert, 42L);
    CellRoster roster = new CellRoster();
    CellTicker ticker =
        new CellTicker(
            sim,
            roster,
            ZoneCellDeps.of(settings, desert, 42L, 4),
            new CellOutbox() {
              @Override
              public void toCell(S2CellId to, ZoneCell.Command command) {}

              @Override
              public void checkpoint(String playerId, GeoPosition position) {}
            },
            id -> receipts,
            () -> {},
            () -> false,
            LoggerFactory.getLogger(CombatTickCostMain.class));
    SplittableRandom random = new SplittableRandom(3);
    long[] ids = new long[players];
    double metre = 180 / (Math.PI * Sphere.EARTH.radiusMeters());
    for (int i = 0; i < players; i += 2) {
      GeoPosition p =
          Sphere.EARTH.destination(centre, random.nextDouble(360.0), random.nextDouble(300));
      for (int k = 0; k < 2 && i + k < players; k++) {
        String name = "bench-" + (i + k);
        long id = PlayerIds.simulationId(name);
        ids[i + k] = id;
        CharacterClass cls = CLASSES[(i + k) % CLASSES.length];
        sim.enter(
            id, cls, GeoPosition.of(p.latitudeDeg() + k * 2 * metre, p.longitudeDeg()), 0L, null);
        roster.add(id, new CellRoster.Link(name, sessions));
      }
    }
    ticker.tick(Instant.ofEpochSecond(1_700_000_000L)); // the fighters join
    for (int i = 0; i < players; i++) {
      ticker.fights().profile(new ZoneCell.CombatProfile("bench-" + i, 30, List.of()));
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    int hz = settings.tickHz();
    long[] cpu = new long[ticks];
    long[] wall = new long[ticks];
    long abilities = 0;
    for (int t = -600; t < ticks; t++) {
      int beat = Math.floorMod(t, hz);
      for (int i = beat; i < players; i += hz) {
        CharacterClass cls = CLASSES[i % CLASSES.length];
        List<Ability> book = Abilities.of(cls);
        Ability a = book.get(Math.floorMod(t / hz + i, book.size()));
        long partner = ids[i % 2 == 0 ? Math.min(i + 1, players - 1) : i - 1];
        long target =
            a.targeting() == Ability.Targeting.ENEMY
                ? partner
                : a.targeting() == Ability.Targeting.ALLY ? partner : 0;
        ticker.useAbility(ids[i], a.id(), target);
        abilities += t >= 0 ? 1 : 0;
      }
      Instant now =
          Instant.ofEpochSecond(1_700_000_001L).plusNanos((t + 600L) * 1_000_000_000L / hz);
      long c0 = mx.getCurrentThreadCpuTime();
      long w0 = System.nanoTime();
      ticker.tick(now);
      long w1 = System.nanoTime();
      long c1 = mx.getCurrentThreadCpuTime();
      if (t >= 0) {
        cpu[t] = c1 - c0;
        wall[t] = w1 - w0;
      }
    }
    Arrays.sort(cpu);
    Arrays.sort(wall);
    System.out.printf(
        Locale.ROOT,
        "players=%d creatures=%d tickHz=%d ticks=%d abilities=%d cpu p50=%.3f p99=%.3f max=%.3f ms"
            + " | wall p50=%.3f p99=%.3f max=%.3f ms | fighters alive at the end=%d%n",
        players,
        sim.creatureCount(),
        hz,
        ticks,
        abilities,
        cpu[ticks / 2] / 1e6,
        cpu[ticks * 99 / 100] / 1e6,
        cpu[ticks - 1] / 1e6,
        wall[ticks / 2] / 1e6,
        wall[ticks * 99 / 100] / 1e6,
        wall[ticks - 1] / 1e6,
        Arrays.stream(ids)
            .filter(id -> ticker.fights().combat().combatant(id).map(c -> !c.dead()).orElse(false))
            .count());
  }
}
