package org.bluemarble.play;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.common.geometry.S2Cell;
import com.google.common.geometry.S2CellId;
import com.google.common.geometry.S2LatLng;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.bluemarble.config.Profile;
import org.bluemarble.node.SessionControl;
import org.bluemarble.node.testing.AdminClient;
import org.bluemarble.node.testing.FreePorts;
import org.bluemarble.node.testing.InProcessNode;
import org.bluemarble.player.Player;
import org.bluemarble.protocol.client.BlueMarbleClient;
import org.bluemarble.protocol.client.ClientListener;
import org.bluemarble.protocol.v1.ChatChannel;
import org.bluemarble.protocol.v1.ChatMessage;
import org.bluemarble.protocol.v1.PartyUpdate;
import org.bluemarble.protocol.v1.SocialVerb;
import org.bluemarble.spatial.SpatialCells;
import org.bluemarble.spatial.Sphere;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three nodes in one cluster (one journal), a player connected to each, standing around a zone cell
 * corner: every channel kind crosses the nodes — Say across the cell edge, Yell further, Whisper by
 * name, Party, Guild, Trade, General and System — one sender's lines arrive in order on every
 * channel, and party mates on other nodes hear each other's positions.
 */
@Tag("slow")
class ChatThreeNodeTest {
  @TempDir static Path dataDir;
  private static final List<InProcessNode> nodes = new ArrayList<>();
  private static final List<PlayWorld> worlds = new ArrayList<>();

  /** Zone level of the test planet (Earth radius, 250 m AOI): the level the node picks. */
  private static final int ZONE_LEVEL = SpatialCells.zoneLevel(new Sphere(6_371_000), 250);

  @BeforeAll
  static void startCluster() {
    String journal = "jdbc:h2:mem:chat3-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    int[] remote = {FreePorts.next(), FreePorts.next(), FreePorts.next()};
    List<String> seeds = List.of("127.0.0.1:" + remote[0]);
    for (int i = 0; i < 3; i++) {
      Map<String, Object> c =
          new HashMap<>(PlayWorld.config(dataDir.resolve("n" + i).toString(), "30s"));
      c.put("bluemarble.persistence.url", journal);
      c.put("bluemarble.node.remote-port", remote[i]);
      c.put("bluemarble.node.seed-nodes", seeds);
      // Lines are sent back to back here; the flood limit has its own test.
      c.put("bluemarble.chat.rate-per-second", 100);
      c.put("bluemarble.chat.burst", 100);
      InProcessNode node = InProcessNode.start(Profile.EMBEDDED, c);
      nodes.add(node);
      worlds.add(new PlayWorld(node));
    }
    await()
        .atMost(PlayWorld.WAIT.multipliedBy(3))
        .until(
            () -> {
              AdminClient.Response view = nodes.get(2).client().get("/admin/v1/cluster");
              return view.status() == 200 && view.body().path("members").size() == 3;
            });
  }

  @AfterAll
  static void stopCluster() throws Exception {
    for (int i = nodes.size() - 1; i >= 0; i--) {
      nodes.get(i).close();
    }
  }

  /** The live lines (not replayed history) and party updates a client receives. */
  static final class Heard implements ClientListener {
    final List<ChatMessage> lines = new CopyOnWriteArrayList<>();
    final List<PartyUpdate> party = new CopyOnWriteArrayList<>();

    @Override
    public void onChat(ChatMessage message) {
      if (!message.getDelayed()) {
        lines.add(message);
      }
    }

    @Override
    public void onPartyUpdate(PartyUpdate update) {
      party.add(update);
    }

    List<String> texts(ChatChannel channel, String prefix) {
      return lines.stream()
          .filter(m -> m.getChannel() == channel && m.getText().startsWith(prefix))
          .map(ChatMessage::getText)
          .toList();
    }

    boolean heardPositionOf(String playerId) {
      return party.stream()
          .flatMap(u -> u.getMembersList().stream())
          .anyMatch(m -> m.getPlayerId().equals(playerId) && m.getAtMs() > 0);
    }
  }

  /** A point {@code north} and {@code east} metres from {@code from}. */
  private static S2LatLng offset(S2LatLng from, double north, double east) {
    double r = 6_371_000;
    double dLat = Math.toDegrees(north / r);
    double dLng = Math.toDegrees(east / (r * Math.cos(from.latRadians())));
    return S2LatLng.fromDegrees(from.latDegrees() + dLat, from.lngDegrees() + dLng);
  }

  private static S2CellId cellOf(S2LatLng p) {
    return S2CellId.fromLatLng(p).parent(ZONE_LEVEL);
  }

  /** A player created on node 0, placed at {@code at}, logged in and entered on node {@code i}. */
  private static BlueMarbleClient enter(String name, int i, S2LatLng at, Heard heard, String[] id)
      throws Exception {
    PlayWorld.Player made = worlds.get(0).newPlayer(name);
    ClusterSharding.get(nodes.get(0).system)
        .entityRefFor(Player.ENTITY_KEY, made.playerId())
        .<Player.Reply>ask(
            r -> new Player.CheckpointPosition(at.latDegrees(), at.lngDegrees(), 0, r),
            PlayWorld.WAIT)
        .toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
    // Access tokens are signed per node: each logs in on its own node.
    PlayWorld.Player p =
        new PlayWorld.Player(made.accountId(), worlds.get(i).token(name), made.playerId());
    BlueMarbleClient c = worlds.get(i).webSocket(p, heard);
    c.enterWorld(p.playerId()).get(30, TimeUnit.SECONDS);
    id[0] = p.playerId();
    return c;
  }

  @Test
  void everyChannelCrossesThreeNodesAndOneSendersLinesKeepTheirOrder() throws Exception {
    S2Cell cell = new S2Cell(cellOf(S2LatLng.fromDegrees(33.0, -118.0)));
    S2LatLng corner = new S2LatLng(cell.getVertex(0));
    S2LatLng atAnn = offset(corner, 5, 5);
    S2LatLng atBen = offset(corner, -5, -5);
    S2LatLng atCyd = offset(corner, 100, 0);
    assertThat(cellOf(atAnn)).as("Ann and Ben in different cells").isNotEqualTo(cellOf(atBen));
    Heard ann = new Heard();
    Heard ben = new Heard();
    Heard cyd = new Heard();
    String[] annId = new String[1];
    String[] benId = new String[1];
    String[] cydId = new String[1];
    try (BlueMarbleClient a = enter("c3_ann", 0, atAnn, ann, annId);
        BlueMarbleClient b = enter("c3_ben", 1, atBen, ben, benId);
        BlueMarbleClient c = enter("c3_cyd", 2, atCyd, cyd, cydId)) {
      // The topic's subscribers spread by gossip: wait until a line crosses to both nodes.
      await()
          .atMost(PlayWorld.WAIT)
          .untilAsserted(
              () -> {
                a.chat(ChatChannel.CHAT_CHANNEL_GENERAL, "ping", "").get(30, TimeUnit.SECONDS);
                assertThat(ben.texts(ChatChannel.CHAT_CHANNEL_GENERAL, "ping")).isNotEmpty();
                assertThat(cyd.texts(ChatChannel.CHAT_CHANNEL_GENERAL, "ping")).isNotEmpty();
              });
      // A party and a guild of the three.
      String partyId =
          a.social(SocialVerb.SOCIAL_VERB_PARTY_INVITE, benId[0])
              .get(30, TimeUnit.SECONDS)
              .getParty()
              .getPartyId();
      a.social(SocialVerb.SOCIAL_VERB_PARTY_INVITE, cydId[0]).get(30, TimeUnit.SECONDS);
      b.joinParty(partyId).get(30, TimeUnit.SECONDS);
      c.joinParty(partyId).get(30, TimeUnit.SECONDS);
      a.createGuild("THREE", "Three Nodes").get(30, TimeUnit.SECONDS);
      a.social(SocialVerb.SOCIAL_VERB_GUILD_INVITE, benId[0]).get(30, TimeUnit.SECONDS);
      a.social(SocialVerb.SOCIAL_VERB_GUILD_INVITE, cydId[0]).get(30, TimeUnit.SECONDS);
      b.joinGuild("THREE").get(30, TimeUnit.SECONDS);
      c.joinGuild("THREE").get(30, TimeUnit.SECONDS);
      // The members' nodes learn their scopes from their presences: wait for a line of each.
      await()
          .atMost(PlayWorld.WAIT)
          .untilAsserted(
              () -> {
                a.chat(ChatChannel.CHAT_CHANNEL_PARTY, "ready", "").get(30, TimeUnit.SECONDS);
                a.chat(ChatChannel.CHAT_CHANNEL_GUILD, "ready", "").get(30, TimeUnit.SECONDS);
                for (Heard h : List.of(ben, cyd)) {
                  assertThat(h.texts(ChatChannel.CHAT_CHANNEL_PARTY, "ready")).isNotEmpty();
                  assertThat(h.texts(ChatChannel.CHAT_CHANNEL_GUILD, "ready")).isNotEmpty();
                }
              });

      // Ann's lines, interleaved over four channels, then Say, Yell and whispers.
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        a.chat(ChatChannel.CHAT_CHANNEL_GENERAL, "g" + i, "");
        a.chat(ChatChannel.CHAT_CHANNEL_PARTY, "p" + i, "");
        a.chat(ChatChannel.CHAT_CHANNEL_GUILD, "u" + i, "");
        a.chat(ChatChannel.CHAT_CHANNEL_TRADE, "t" + i, "");
        expected.add(String.valueOf(i));
      }
      a.chat(ChatChannel.CHAT_CHANNEL_SAY, "s-near", "").get(30, TimeUnit.SECONDS);
      a.chat(ChatChannel.CHAT_CHANNEL_YELL, "y-far", "").get(30, TimeUnit.SECONDS);
      a.chat(ChatChannel.CHAT_CHANNEL_WHISPER, "w-to-cyd", "C3_CYD hero").get(30, TimeUnit.SECONDS);
      c.chat(ChatChannel.CHAT_CHANNEL_WHISPER, "w-to-ben", "c3_ben hero").get(30, TimeUnit.SECONDS);
      // A pub-sub topic delivers a publication only to the nodes it knows to have subscribers
      // then (eventually consistent, no redelivery): broadcast once the admin's node knows all
      // three nodes' presences, as an admin would after the players entered.
      InProcessNode adminNode = nodes.get(1);
      await()
          .atMost(PlayWorld.WAIT)
          .until(
              () ->
                  AskPattern.<Topic.Command<SessionControl.Notice>, Topic.TopicStats>ask(
                              SessionControl.get(adminNode.system).topic(),
                              Topic::getTopicStats,
                              Duration.ofSeconds(5),
                              adminNode.system.scheduler())
                          .toCompletableFuture()
                          .get(10, TimeUnit.SECONDS)
                          .topicInstanceCount()
                      == 3);
      AdminClient api = adminNode.client();
      assertThat(
              api.call(
                      "POST",
                      "/admin/v1/broadcast",
                      "{\"message\":\"x-maintenance soon\"}",
                      api.adminToken())
                  .status())
          .isEqualTo(202);

      await()
          .atMost(PlayWorld.WAIT)
          .untilAsserted(
              () -> {
                for (Heard h : List.of(ben, cyd)) {
                  assertThat(h.texts(ChatChannel.CHAT_CHANNEL_GENERAL, "g"))
                      .containsExactlyElementsOf(expected.stream().map(n -> "g" + n).toList());
                  assertThat(h.texts(ChatChannel.CHAT_CHANNEL_PARTY, "p"))
                      .containsExactlyElementsOf(expected.stream().map(n -> "p" + n).toList());
                  assertThat(h.texts(ChatChannel.CHAT_CHANNEL_GUILD, "u"))
                      .containsExactlyElementsOf(expected.stream().map(n -> "u" + n).toList());
                  assertThat(h.texts(ChatChannel.CHAT_CHANNEL_TRADE, "t"))
                      .containsExactlyElementsOf(expected.stream().map(n -> "t" + n).toList());
                  assertThat(h.texts(ChatChannel.CHAT_CHANNEL_YELL, "y-")).containsExactly("y-far");
                }
                for (Heard h : List.of(ann, ben, cyd)) {
                  assertThat(h.texts(ChatChannel.CHAT_CHANNEL_SYSTEM, "x-"))
                      .containsExactly("x-maintenance soon");
                }
                assertThat(ben.texts(ChatChannel.CHAT_CHANNEL_SAY, "s-")).containsExactly("s-near");
                // Each whisper's sender gets its own copy too.
                assertThat(cyd.texts(ChatChannel.CHAT_CHANNEL_WHISPER, "w-"))
                    .containsExactlyInAnyOrder("w-to-cyd", "w-to-ben");
                assertThat(ben.texts(ChatChannel.CHAT_CHANNEL_WHISPER, "w-"))
                    .containsExactly("w-to-ben");
                // Party mates on other nodes hear each other's positions.
                assertThat(ben.heardPositionOf(annId[0])).isTrue();
                assertThat(ben.heardPositionOf(cydId[0])).isTrue();
                assertThat(cyd.heardPositionOf(benId[0])).isTrue();
              });
      // Cyd, 100 m away, heard the Yell that left after the Say: the Say did not reach it; a
      // whisper reaches its recipient only (and the sender's own copy).
      assertThat(cyd.texts(ChatChannel.CHAT_CHANNEL_SAY, "s-")).isEmpty();
      assertThat(ann.texts(ChatChannel.CHAT_CHANNEL_WHISPER, "w-")).containsExactly("w-to-cyd");
      ChatMessage heardSay =
          ben.lines.stream()
              .filter(m -> m.getChannel() == ChatChannel.CHAT_CHANNEL_SAY)
              .findFirst()
              .orElseThrow();
      assertThat(heardSay.getFromPlayerId()).isEqualTo(annId[0]);
    }
  }
}
