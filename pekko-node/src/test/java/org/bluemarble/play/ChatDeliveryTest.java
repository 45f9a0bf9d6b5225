package org.bluemarble.play;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.google.common.geometry.S2Cell;
import com.google.common.geometry.S2CellId;
import com.google.common.geometry.S2LatLng;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.bluemarble.config.Profile;
import org.bluemarble.node.SessionControl;
import org.bluemarble.node.testing.AdminClient;
import org.bluemarble.node.testing.InProcessNode;
import org.bluemarble.player.Player;
import org.bluemarble.protocol.ProtocolException;
import org.bluemarble.protocol.client.BlueMarbleClient;
import org.bluemarble.protocol.client.ClientIoLoop;
import org.bluemarble.protocol.client.ClientListener;
import org.bluemarble.protocol.v1.ChatAccepted;
import org.bluemarble.protocol.v1.ChatChannel;
import org.bluemarble.protocol.v1.ChatMessage;
import org.bluemarble.protocol.v1.Error;
import org.bluemarble.social.SocialList;
import org.bluemarble.spatial.SpatialCells;
import org.bluemarble.spatial.Sphere;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reference clients chat on a real node: Say reaches a player across a zone cell edge and nobody
 * beyond its radius, Yell reaches further, General everyone, a whisper its recipient by name (and
 * an offline recipient is an error), the flood limit refuses the 11th line of a burst, one sender's
 * lines arrive in order, the word filter masks, and the System channel carries the broadcast.
 */
class ChatDeliveryTest {
  @TempDir static Path dataDir;
  private static InProcessNode node;
  private static PlayWorld world;

  /** Zone level of the test planet (Earth radius, 250 m AOI): the level the node picks. */
  private static final int ZONE_LEVEL = SpatialCells.zoneLevel(new Sphere(6_371_000), 250);

  @BeforeAll
  static void startNode() {
    Map<String, Object> config = new HashMap<>(PlayWorld.config(dataDir.toString(), "30s"));
    config.put("bluemarble.chat.blocked-words", List.of("darn"));
    config.put("bluemarble.chat.whisper-timeout", "1s");
    node = InProcessNode.start(Profile.EMBEDDED, config);
    world = new PlayWorld(node);
  }

  @AfterAll
  static void stopNode() throws Exception {
    node.close();
  }

  /** Records the chat lines a client receives. */
  static final class Chats implements ClientListener {
    final List<ChatMessage> lines = new CopyOnWriteArrayList<>();

    @Override
    public void onChat(ChatMessage message) {
      lines.add(message);
    }

    List<String> texts(ChatChannel channel) {
      List<String> out = new ArrayList<>();
      for (ChatMessage m : lines) {
        if (m.getChannel() == channel && !m.getDelayed()) {
          out.add(m.getText());
        }
      }
      return out;
    }
  }

  /** A player placed at a position (degrees) before it enters, connected over WebSocket. */
  private record Placed(PlayWorld.Player player, BlueMarbleClient client, Chats chats) {}

  private static Placed place(String name, double lat, double lng) throws Exception {
    PlayWorld.Player p = world.newPlayer(name);
    ClusterSharding.get(node.system)
        .entityRefFor(Player.ENTITY_KEY, p.playerId())
        .<Player.Reply>ask(r -> new Player.CheckpointPosition(lat, lng, 0, r), PlayWorld.WAIT)
        .toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
    Chats chats = new Chats();
    BlueMarbleClient client = world.webSocket(p, chats);
    client.enterWorld(p.playerId()).get(30, TimeUnit.SECONDS);
    return new Placed(p, client, chats);
  }

  /** A point {@code north} and {@code east} metres from (lat, lng). */
  /** Waits until {@code to} has received exactly {@code texts} from {@code from}, in order. */
  private static void awaitLinesFrom(Placed to, Placed from, List<String> texts) {
    await()
        .atMost(PlayWorld.WAIT)
        .untilAsserted(
            () ->
                assertThat(
                        to.chats().lines.stream()
                            .filter(m -> m.getFromPlayerId().equals(from.player().playerId()))
                            .map(ChatMessage::getText)
                            .toList())
                    .containsExactlyElementsOf(texts));
  }

  private static S2LatLng offset(S2LatLng from, double north, double east) {
    double r = 6_371_000;
    double dLat = Math.toDegrees(north / r);
    double dLng = Math.toDegrees(east / (r * Math.cos(from.latRadians())));
    return S2LatLng.fromDegrees(from.latDegrees() + dLat, from.lngDegrees() + dLng);
  }

  private static S2CellId cellOf(S2LatLng p) {
    return S2CellId.fromLatLng(p).parent(ZONE_LEVEL);
  }

  @Test
  void sayCrossesACellEdgeYellReachesFurtherGeneralReachesEveryone() throws Exception {
    // A corner of the zone cell at the spawn point: A and B stand 7 m on either side of it.
    S2Cell spawnCell = new S2Cell(cellOf(S2LatLng.fromDegrees(-21.0, -27.0)));
    S2LatLng corner = new S2LatLng(spawnCell.getVertex(0));
    S2LatLng atA = offset(corner, 5, 5);
    S2LatLng atB = offset(corner, -5, -5);
    assertThat(cellOf(atA)).as("A and B stand in different zone cells").isNotEqualTo(cellOf(atB));
    Placed a = place("say_alice", atA.latDegrees(), atA.lngDegrees());
    Placed b = place("say_bob", atB.latDegrees(), atB.lngDegrees());
    S2LatLng atC = offset(corner, 100, 0);
    Placed c = place("say_carol", atC.latDegrees(), atC.lngDegrees());
    S2LatLng atD = offset(corner, 0, 2000);
    Placed d = place("say_dave", atD.latDegrees(), atD.lngDegrees());
    try (BlueMarbleClient ca = a.client();
        BlueMarbleClient cb = b.client();
        BlueMarbleClient cc = c.client();
        BlueMarbleClient cd = d.client()) {
      ChatAccepted said =
          a.client()
              .chat(ChatChannel.CHAT_CHANNEL_SAY, " hello there ", "")
              .get(30, TimeUnit.SECONDS);
      assertThat(said.getText()).isEqualTo("hello there");
      a.client().chat(ChatChannel.CHAT_CHANNEL_YELL, "HELLO", "").get(30, TimeUnit.SECONDS);
      a.client().chat(ChatChannel.CHAT_CHANNEL_GENERAL, "hi all", "").get(30, TimeUnit.SECONDS);

      await()
          .atMost(PlayWorld.WAIT)
          .untilAsserted(
              () -> {
                assertThat(a.chats().texts(ChatChannel.CHAT_CHANNEL_SAY))
                    .containsExactly("hello there");
                assertThat(b.chats().texts(ChatChannel.CHAT_CHANNEL_SAY))
                    .containsExactly("hello there");
                assertThat(c.chats().texts(ChatChannel.CHAT_CHANNEL_YELL)).containsExactly("HELLO");
                assertThat(d.chats().texts(ChatChannel.CHAT_CHANNEL_GENERAL)).contains("hi all");
              });
      // C heard the Yell, which left after the Say on the same path: the Say did not reach it.
      assertThat(c.chats().texts(ChatChannel.CHAT_CHANNEL_SAY)).isEmpty();
      assertThat(d.chats().texts(ChatChannel.CHAT_CHANNEL_SAY)).isEmpty();
      assertThat(d.chats().texts(ChatChannel.CHAT_CHANNEL_YELL)).isEmpty();
      ChatMessage heard =
          b.chats().lines.stream()
              .filter(m -> m.getChannel() == ChatChannel.CHAT_CHANNEL_SAY)
              .findFirst()
              .orElseThrow();
      assertThat(heard.getFromPlayerId()).isEqualTo(a.player().playerId());
      assertThat(heard.getFromName()).isEqualTo("say_alice hero");
      assertThat(heard.getSequence()).isEqualTo(said.getSequence());

      // Whisper by name, case-insensitive; the sender gets its own copy.
      a.client()
          .chat(ChatChannel.CHAT_CHANNEL_WHISPER, "psst", "SAY_DAVE hero")
          .get(30, TimeUnit.SECONDS);
      await()
          .atMost(PlayWorld.WAIT)
          .untilAsserted(
              () -> {
                assertThat(d.chats().texts(ChatChannel.CHAT_CHANNEL_WHISPER))
                    .containsExactly("psst");
                assertThat(a.chats().texts(ChatChannel.CHAT_CHANNEL_WHISPER))
                    .containsExactly("psst");
              });
      assertThat(b.chats().texts(ChatChannel.CHAT_CHANNEL_WHISPER)).isEmpty();
      CompletableFuture<ChatAccepted> nobody =
          a.client().chat(ChatChannel.CHAT_CHANNEL_WHISPER, "anyone?", "nobody at all");
      assertThatThrownBy(() -> nobody.get(30, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOf(ProtocolException.class)
          .satisfies(
              e ->
                  assertThat(((ProtocolException) e).code())
                      .isEqualTo(Error.Code.CODE_CHAT_RECIPIENT_OFFLINE));

      // The word filter masks, whatever the case.
      a.client().chat(ChatChannel.CHAT_CHANNEL_GENERAL, "DARN it", "").get(30, TimeUnit.SECONDS);
      await()
          .atMost(PlayWorld.WAIT)
          .untilAsserted(
              () ->
                  assertThat(d.chats().texts(ChatChannel.CHAT_CHANNEL_GENERAL))
                      .contains("**** it"));

      // The existing broadcast goes out on the System channel too.
      SessionControl.get(node.system)
          .topic()
          .tell(
              Topic.publish(new SessionControl.Broadcast("restart at noon", "ops", Instant.now())));
      await()
          .atMost(PlayWorld.WAIT)
          .untilAsserted(
              () ->
                  assertThat(c.chats().texts(ChatChannel.CHAT_CHANNEL_SYSTEM))
                      .containsExactly("restart at noon"));
    }
  }

  @Test
  void floodLimitRefusesBeyondTheBurstAndLinesArriveInOrder() throws Exception {
    Placed a = place("flood_anna", -21.0, -27.0);
    Placed b = place("flood_ben", -21.0, -27.0);
    try (BlueMarbleClient ca = a.client();
        BlueMarbleClient cb = b.client()) {
      List<CompletableFuture<ChatAccepted>> sent = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        sent.add(a.client().chat(ChatChannel.CHAT_CHANNEL_GENERAL, "line " + i, ""));
      }
      List<String> accepted = new ArrayList<>();
      int limited = 0;
      for (int i = 0; i < sent.size(); i++) {
        try {
          sent.get(i).get(30, TimeUnit.SECONDS);
          accepted.add("line " + i);
        } catch (ExecutionException e) {
          ProtocolException pe = (ProtocolException) e.getCause();
          assertThat(pe.code()).isEqualTo(Error.Code.CODE_RATE_LIMITED);
          limited++;
        }
      }
      // 10 at once (the burst), maybe one or two more refilled while the 30 went out.
      assertThat(accepted.size()).isBetween(10, 15);
      assertThat(limited).isEqualTo(30 - accepted.size());
      awaitLinesFrom(b, a, accepted);
    }
  }

  @Test
  void udpClientChatsOnTheReliableChannel() throws Exception {
    PlayWorld.Player u = world.newPlayer("udp_chatter");
    Placed w = place("ws_listener", -21.0, -27.0);
    Chats chats = new Chats();
    try (ClientIoLoop loop = new ClientIoLoop("chat-udp-io");
        BlueMarbleClient udp = world.udp(u, chats, loop, null);
        BlueMarbleClient cw = w.client()) {
      udp.enterWorld(u.playerId()).get(30, TimeUnit.SECONDS);
      udp.chat(ChatChannel.CHAT_CHANNEL_GENERAL, "over udp", "").get(30, TimeUnit.SECONDS);
      await()
          .atMost(PlayWorld.WAIT)
          .untilAsserted(
              () -> {
                assertThat(w.chats().texts(ChatChannel.CHAT_CHANNEL_GENERAL)).contains("over udp");
                assertThat(chats.texts(ChatChannel.CHAT_CHANNEL_GENERAL)).contains("over udp");
              });
    }
  }

  @Test
  void moderatorMuteIsAuditedAndRefusesChatAndDegradedChatDelaysWithoutLoss() throws Exception {
    Placed a = place("mod_amy", -21.0, -27.0);
    Placed b = place("mod_bill", -21.0, -27.0);
    AdminClient api = node.client();
    String admin = api.adminToken();
    try (BlueMarbleClient ca = a.client();
        BlueMarbleClient cb = b.client()) {
      AdminClient.Response muted =
          api.call(
              "POST",
              "/admin/v1/chat/mutes",
              "{\"playerId\":\"" + a.player().playerId() + "\",\"minutes\":5,\"reason\":\"spam\"}",
              admin);
      assertThat(muted.status()).isEqualTo(201);
      await()
          .atMost(PlayWorld.WAIT)
          .untilAsserted(
              () -> {
                CompletableFuture<ChatAccepted> refused =
                    a.client().chat(ChatChannel.CHAT_CHANNEL_GENERAL, "still here?", "");
                assertThatThrownBy(() -> refused.get(30, TimeUnit.SECONDS))
                    .cause()
                    .isInstanceOfSatisfying(
                        ProtocolException.class,
                        e -> assertThat(e.code()).isEqualTo(Error.Code.CODE_CHAT_MUTED));
              });
      AdminClient.Response status = api.call("GET", "/admin/v1/chat", null, admin);
      assertThat(status.body().path("mutes").get(0).path("reason").asText()).isEqualTo("spam");
      AdminClient.Response audit = api.call("GET", "/admin/v1/audit", null, admin);
      assertThat(audit.body().toString()).contains("/admin/v1/chat/mutes");
      assertThat(
              api.call("DELETE", "/admin/v1/chat/mutes/" + a.player().playerId(), null, admin)
                  .status())
          .isEqualTo(204);

      // Degraded: every line is accepted as delayed and arrives, in order, marked delayed.
      assertThat(api.call("PUT", "/admin/v1/chat/degraded", "{\"on\":true}", admin).status())
          .isEqualTo(200);
      List<String> sent = new ArrayList<>();
      await()
          .atMost(PlayWorld.WAIT)
          .until(
              () -> {
                String text = "late " + sent.size();
                ChatAccepted ok =
                    a.client()
                        .chat(ChatChannel.CHAT_CHANNEL_GENERAL, text, "")
                        .get(30, TimeUnit.SECONDS);
                sent.add(text);
                return ok.getDelayed();
              });
      for (int i = 0; i < 5; i++) {
        String text = "late more " + i;
        assertThat(
                a.client()
                    .chat(ChatChannel.CHAT_CHANNEL_GENERAL, text, "")
                    .get(30, TimeUnit.SECONDS)
                    .getDelayed())
            .isTrue();
        sent.add(text);
      }
      awaitLinesFrom(b, a, sent);
      assertThat(b.chats().lines.get(b.chats().lines.size() - 1).getDelayed()).isTrue();
      assertThat(api.call("PUT", "/admin/v1/chat/degraded", "{\"on\":false}", admin).status())
          .isEqualTo(200);
    }
  }

  @Test
  void ignoredPlayersLinesAreHidden() throws Exception {
    Placed loud = place("ign_loud", -21.0, -27.0);
    PlayWorld.Player quiet = world.newPlayer("ign_quiet");
    SocialList.Reply ignored =
        ClusterSharding.get(node.system)
            .entityRefFor(SocialList.ENTITY_KEY, quiet.playerId())
            .<SocialList.Reply>ask(
                r -> new SocialList.Ignore(loud.player().playerId(), r), PlayWorld.WAIT)
            .toCompletableFuture()
            .get(30, TimeUnit.SECONDS);
    assertThat(ignored).isInstanceOf(SocialList.Summary.class);
    Placed other = place("ign_other", -21.0, -27.0);
    Chats chats = new Chats();
    try (BlueMarbleClient cl = loud.client();
        BlueMarbleClient co = other.client();
        BlueMarbleClient cq = world.webSocket(quiet, chats)) {
      cq.enterWorld(quiet.playerId()).get(30, TimeUnit.SECONDS);
      // The ignore list loads on entering: once the other player's marker arrives, it is in force.
      await()
          .atMost(PlayWorld.WAIT)
          .untilAsserted(
              () -> {
                co.chat(ChatChannel.CHAT_CHANNEL_GENERAL, "marker", "").get(30, TimeUnit.SECONDS);
                assertThat(chats.texts(ChatChannel.CHAT_CHANNEL_GENERAL)).contains("marker");
              });
      cl.chat(ChatChannel.CHAT_CHANNEL_GENERAL, "you cannot hear me", "").get(30, TimeUnit.SECONDS);
      co.chat(ChatChannel.CHAT_CHANNEL_GENERAL, "after", "").get(30, TimeUnit.SECONDS);
      await()
          .atMost(PlayWorld.WAIT)
          .untilAsserted(
              () -> {
                assertThat(chats.texts(ChatChannel.CHAT_CHANNEL_GENERAL)).contains("after");
                assertThat(other.chats().texts(ChatChannel.CHAT_CHANNEL_GENERAL))
                    .contains("you cannot hear me");
              });
      assertThat(chats.texts(ChatChannel.CHAT_CHANNEL_GENERAL))
          .doesNotContain("you cannot hear me");
    }
  }
}
