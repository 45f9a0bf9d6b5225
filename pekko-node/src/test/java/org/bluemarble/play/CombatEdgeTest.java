package org.bluemarble.play;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.bluemarble.config.Profile;
import org.bluemarble.market.holdings.Holdings;
import org.bluemarble.market.holdings.HoldingsView;
import org.bluemarble.node.testing.InProcessNode;
import org.bluemarble.player.Player;
import org.bluemarble.protocol.ProtocolException;
import org.bluemarble.protocol.client.BlueMarbleClient;
import org.bluemarble.protocol.client.ClientIoLoop;
import org.bluemarble.protocol.client.ClientListener;
import org.bluemarble.protocol.v1.CombatEvent;
import org.bluemarble.protocol.v1.CombatEvents;
import org.bluemarble.protocol.v1.EntityEnter;
import org.bluemarble.protocol.v1.EntityKind;
import org.bluemarble.protocol.v1.Error;
import org.bluemarble.protocol.v1.LootCredited;
import org.bluemarble.protocol.v1.Vitals;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Combat and gathering through real sessions on a real node: an ability used over WebSocket is seen
 * by its user and by a player on UDP nearby (reliable channel), vitals follow, refusals come back
 * as Errors with the combat code and the request's correlation id on both transports, and a harvest
 * next to a resource node reaches the holdings (refused from afar).
 */
class CombatEdgeTest {
  @TempDir static Path dataDir;
  private static InProcessNode node;
  private static PlayWorld world;

  @BeforeAll
  static void startNode() {
    node = InProcessNode.start(Profile.EMBEDDED, PlayWorld.config(dataDir.toString(), "30s"));
    world = new PlayWorld(node);
  }

  @AfterAll
  static void stopNode() throws Exception {
    node.close();
  }

  /** Records what combat tells a client. */
  static final class Fights implements ClientListener {
    final List<CombatEvent> events = new CopyOnWriteArrayList<>();
    final List<Vitals> vitals = new CopyOnWriteArrayList<>();
    final Map<Long, Error> refused = new ConcurrentHashMap<>();
    final Map<Long, EntityEnter> resources = new ConcurrentHashMap<>();
    final Map<Long, EntityEnter> creatures = new ConcurrentHashMap<>();
    final List<org.bluemarble.protocol.v1.Progress> progress = new CopyOnWriteArrayList<>();
    final List<LootCredited> loot = new CopyOnWriteArrayList<>();

    @Override
    public void onProgress(org.bluemarble.protocol.v1.Progress p) {
      progress.add(p);
    }

    @Override
    public void onLootCredited(LootCredited l) {
      loot.add(l);
    }

    @Override
    public void onCombatEvents(CombatEvents e) {
      events.addAll(e.getEventsList());
    }

    @Override
    public void onVitals(Vitals v) {
      vitals.add(v);
    }

    @Override
    public void onCombatRefused(long correlationId, Error error) {
      refused.put(correlationId, error);
    }

    @Override
    public void onEntityEnter(EntityEnter enter) {
      if (enter.getKind() == EntityKind.ENTITY_KIND_RESOURCE) {
        resources.put(enter.getEntityId(), enter);
      } else if (enter.getKind() == EntityKind.ENTITY_KIND_NPC) {
        creatures.put(enter.getEntityId(), enter);
      }
    }

    boolean saw(CombatEvent.Kind kind, long user, String ability) {
      return events.stream()
          .anyMatch(
              e ->
                  e.getKind() == kind && e.getUserId() == user && e.getAbilityId().equals(ability));
    }
  }

  private static void placeAt(PlayWorld.Player p, double lat, double lng, double alt)
      throws Exception {
    ClusterSharding.get(node.system)
        .entityRefFor(Player.ENTITY_KEY, p.playerId())
        .<Player.Reply>ask(r -> new Player.CheckpointPosition(lat, lng, alt, r), PlayWorld.WAIT)
        .toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
  }

  /** A point {@code north} metres north of (lat, lng) on the test planet (Earth radius). */
  private static double north(double lat, double metres) {
    return lat + Math.toDegrees(metres / 6_371_000.0);
  }

  @Test
  void anAbilityIsSeenOverWebSocketAndUdpAndRefusalsCarryTheirCorrelationId() throws Exception {
    PlayWorld.Player a = world.newPlayer("fight_ann");
    PlayWorld.Player b = world.newPlayer("fight_ben");
    placeAt(a, -21.0, -27.0, 0);
    placeAt(b, north(-21.0, 8), -27.0, 0);
    Fights fa = new Fights();
    Fights fb = new Fights();
    try (ClientIoLoop loop = new ClientIoLoop("combat-test-io");
        BlueMarbleClient ws = world.webSocket(a, fa);
        BlueMarbleClient udp = world.udp(b, fb, loop, null)) {
      long aId = ws.enterWorld(a.playerId()).get(30, TimeUnit.SECONDS).getEntityId();
      long bId = udp.enterWorld(b.playerId()).get(30, TimeUnit.SECONDS).getEntityId();

      ws.useAbility("whirlwind", 0);
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                assertThat(fa.saw(CombatEvent.Kind.KIND_ABILITY_USED, aId, "whirlwind")).isTrue();
                assertThat(fb.saw(CombatEvent.Kind.KIND_ABILITY_USED, aId, "whirlwind"))
                    .as("the UDP player 8 m away sees it")
                    .isTrue();
              });
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  fa.vitals.stream()
                      .flatMap(v -> v.getEntitiesList().stream())
                      .anyMatch(v -> v.getEntityId() == aId && v.getMaxHealth() > 0));

      long again = ws.useAbility("whirlwind", 0);
      long unknown = ws.useAbility("moonbeam", 0);
      long far = udp.useAbility("strike", aId);
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                assertThat(fa.refused.get(again))
                    .extracting(Error::getCode)
                    .isEqualTo(Error.Code.CODE_COMBAT_ON_COOLDOWN);
                assertThat(fa.refused.get(unknown))
                    .extracting(Error::getCode)
                    .isEqualTo(Error.Code.CODE_COMBAT_UNKNOWN_ABILITY);
                assertThat(fb.refused.get(far))
                    .as("a strike (3 m) on a player 8 m away, over UDP")
                    .extracting(Error::getCode)
                    .isEqualTo(Error.Code.CODE_COMBAT_OUT_OF_RANGE);
              });
      assertThat(fb.refused).doesNotContainKey(again);
      assertThat(bId).isNotEqualTo(aId);
    }
  }

  @Test
  void aHarvestNextToANodeReachesTheHoldingsAndFromAfarIsRefused() throws Exception {
    PlayWorld.Player scout = world.newPlayer("gather_sam");
    placeAt(scout, -21.0, -27.0, 0);
    Fights fs = new Fights();
    EntityEnter resource;
    try (BlueMarbleClient ws = world.webSocket(scout, fs)) {
      ws.enterWorld(scout.playerId()).get(30, TimeUnit.SECONDS);
      await().atMost(Duration.ofSeconds(30)).until(() -> !fs.resources.isEmpty());
      resource = fs.resources.values().iterator().next();
      ws.leaveWorld();
    }
    PlayWorld.Player g = world.newPlayer("gather_gus");
    PlayWorld.Player far = world.newPlayer("gather_fay");
    var at = resource.getPosition();
    placeAt(g, at.getLatDeg(), at.getLngDeg(), at.getAltM());
    placeAt(far, north(at.getLatDeg(), 60), at.getLngDeg(), at.getAltM());
    try (BlueMarbleClient near = world.webSocket(g, new Fights());
        BlueMarbleClient away = world.webSocket(far, new Fights())) {
      near.enterWorld(g.playerId()).get(30, TimeUnit.SECONDS);
      away.enterWorld(far.playerId()).get(30, TimeUnit.SECONDS);

      LootCredited credited = near.harvest(resource.getEntityId(), 2).get(30, TimeUnit.SECONDS);

      assertThat(credited.getInventoryFull()).isFalse();
      assertThat(credited.getKey()).startsWith("harvest:");
      assertThat(credited.getItemsList()).hasSize(1);
      String item = credited.getItemsList().get(0).getItemId();
      int taken = credited.getItemsList().get(0).getQuantity();
      assertThat(taken).isBetween(1, 2);
      HoldingsView holdings =
          ClusterSharding.get(node.system)
              .entityRefFor(Holdings.ENTITY_KEY, g.playerId())
              .<HoldingsView>ask(Holdings.GetHoldings::new, PlayWorld.WAIT)
              .toCompletableFuture()
              .get(30, TimeUnit.SECONDS);
      assertThat(holdings.items()).containsEntry(item, taken);

      assertThatThrownBy(() -> away.harvest(resource.getEntityId(), 1).get(30, TimeUnit.SECONDS))
          .cause()
          .isInstanceOf(ProtocolException.class)
          .hasMessageContaining("within")
          .extracting(e -> ((ProtocolException) e).code())
          .isEqualTo(Error.Code.CODE_HARVEST_REFUSED);
      assertThatThrownBy(() -> near.harvest(resource.getEntityId(), 11).get(30, TimeUnit.SECONDS))
          .cause()
          .isInstanceOf(ProtocolException.class)
          .extracting(e -> ((ProtocolException) e).code())
          .isEqualTo(Error.Code.CODE_INVALID_INPUT);
    }
  }

  @Test
  void aKillOverWebSocketBringsProgressAndItsLootReachesTheHoldingsOnce() throws Exception {
    // a scout finds a creature; a ranger of level 100 then stands where it was seen and shoots it
    PlayWorld.Player scout = world.newPlayer("kill_scout");
    placeAt(scout, -21.02, -27.0, 0);
    Fights seen = new Fights();
    EntityEnter prey;
    try (BlueMarbleClient ws = world.webSocket(scout, seen)) {
      ws.enterWorld(scout.playerId()).get(30, TimeUnit.SECONDS);
      await().atMost(Duration.ofSeconds(30)).until(() -> !seen.creatures.isEmpty());
      prey = seen.creatures.values().iterator().next();
      ws.leaveWorld();
    }
    PlayWorld.Player hunter = world.newPlayer("kill_hunter", "Ranger");
    for (int i = 0; i < 4; i++) { // to level 100: each shot nearly kills, before it can flee
      String grant = "seasoned-" + i;
      ClusterSharding.get(node.system)
          .entityRefFor(Player.ENTITY_KEY, hunter.playerId())
          .<Player.Reply>ask(
              r -> new Player.GainExperience(Player.MAX_EXPERIENCE_GRANT, "test", grant, r),
              PlayWorld.WAIT)
          .toCompletableFuture()
          .get(30, TimeUnit.SECONDS);
    }
    var at = prey.getPosition();
    placeAt(hunter, at.getLatDeg(), at.getLngDeg(), at.getAltM());
    long copperBefore = copperOf(hunter);
    Map<String, Integer> itemsBefore = holdingsOf(hunter).items();
    Fights fh = new Fights();
    try (BlueMarbleClient ws = world.webSocket(hunter, fh)) {
      long me = ws.enterWorld(hunter.playerId()).get(30, TimeUnit.SECONDS).getEntityId();
      long target = prey.getEntityId();
      // shoot about once a second (the shot's cooldown) until the creature dies
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(1_100))
          .untilAsserted(
              () -> {
                if (!died(fh, target)) {
                  ws.useAbility("crippling_shot", target); // slowed, it cannot run far
                  ws.useAbility("arrow_shot", target);
                }
                assertThat(died(fh, target))
                    .as(
                        () ->
                            "refused "
                                + fh.refused.values().stream().map(Error::getCode).toList()
                                + ", events "
                                + fh.events.stream()
                                    .map(
                                        e ->
                                            e.getKind()
                                                + " "
                                                + e.getUserId()
                                                + ">"
                                                + e.getTargetId())
                                    .toList())
                    .isTrue();
              });
      CombatEvent death =
          fh.events.stream()
              .filter(e -> e.getKind() == CombatEvent.Kind.KIND_DEATH && e.getTargetId() == target)
              .findFirst()
              .orElseThrow();
      assertThat(death.getUserId()).isEqualTo(me);
      assertThat(death.getExperience()).isPositive();
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                assertThat(fh.progress)
                    .as("the kill's experience is read back and pushed")
                    .anySatisfy(
                        p ->
                            assertThat(p.getExperience())
                                .isGreaterThan(4 * Player.MAX_EXPERIENCE_GRANT));
                assertThat(fh.loot).anySatisfy(l -> assertThat(l.getKey()).startsWith("loot:"));
              });
      LootCredited credited =
          fh.loot.stream().filter(l -> l.getKey().startsWith("loot:")).findFirst().orElseThrow();
      assertThat(credited.getCopper()).isPositive();
      // the presence and the cell both post the loot; the holdings credit it once
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> assertThat(copperOf(hunter)).isEqualTo(copperBefore + credited.getCopper()));
      for (var item : credited.getItemsList()) {
        assertThat(holdingsOf(hunter).items())
            .containsEntry(
                item.getItemId(),
                itemsBefore.getOrDefault(item.getItemId(), 0) + item.getQuantity());
      }
      // nothing more arrives: neither the presence's nor the cell's re-posts (every 5 s) credit
      // again
      long expected = copperBefore + credited.getCopper();
      await()
          .during(Duration.ofSeconds(7))
          .atMost(Duration.ofSeconds(30))
          .until(() -> copperOf(hunter) == expected);
    }
  }

  private static boolean died(Fights f, long target) {
    return f.events.stream()
        .anyMatch(e -> e.getKind() == CombatEvent.Kind.KIND_DEATH && e.getTargetId() == target);
  }

  private static HoldingsView holdingsOf(PlayWorld.Player p) throws Exception {
    return ClusterSharding.get(node.system)
        .entityRefFor(Holdings.ENTITY_KEY, p.playerId())
        .<HoldingsView>ask(Holdings.GetHoldings::new, PlayWorld.WAIT)
        .toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
  }

  private static long copperOf(PlayWorld.Player p) throws Exception {
    return holdingsOf(p).copper();
  }
}
