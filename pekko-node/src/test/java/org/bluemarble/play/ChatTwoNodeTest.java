package org.bluemarble.play;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.bluemarble.config.Profile;
import org.bluemarble.node.testing.AdminClient;
import org.bluemarble.node.testing.FreePorts;
import org.bluemarble.node.testing.InProcessNode;
import org.bluemarble.protocol.client.BlueMarbleClient;
import org.bluemarble.protocol.v1.ChatChannel;
import org.bluemarble.protocol.v1.ChatMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes in one cluster, a player connected to each: General and Trade lines and whispers cross
 * the nodes over the chat topic, and one sender's lines arrive on the other node in order.
 */
@Tag("slow")
class ChatTwoNodeTest {
  @TempDir static Path dataDir;
  private static InProcessNode nodeA;
  private static InProcessNode nodeB;
  private static PlayWorld worldA;
  private static PlayWorld worldB;

  @BeforeAll
  static void startCluster() {
    String journal = "jdbc:h2:mem:chat2-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    int[] remote = {FreePorts.next(), FreePorts.next()};
    List<String> seeds = List.of("127.0.0.1:" + remote[0]);
    nodeA = InProcessNode.start(Profile.EMBEDDED, config("a", journal, remote[0], seeds));
    nodeB = InProcessNode.start(Profile.EMBEDDED, config("b", journal, remote[1], seeds));
    worldA = new PlayWorld(nodeA);
    worldB = new PlayWorld(nodeB);
    await()
        .atMost(PlayWorld.WAIT.multipliedBy(2))
        .until(
            () -> {
              AdminClient.Response view = nodeB.client().get("/admin/v1/cluster");
              return view.status() == 200 && view.body().path("members").size() == 2;
            });
  }

  private static Map<String, Object> config(
      String name, String journal, int remotePort, List<String> seeds) {
    Map<String, Object> c =
        new HashMap<>(PlayWorld.config(dataDir.resolve(name).toString(), "30s"));
    c.put("bluemarble.persistence.url", journal);
    c.put("bluemarble.node.remote-port", remotePort);
    c.put("bluemarble.node.seed-nodes", seeds);
    return c;
  }

  @AfterAll
  static void stopCluster() throws Exception {
    nodeB.close();
    nodeA.close();
  }

  @Test
  void generalTradeAndWhispersCrossNodesInOrder() throws Exception {
    PlayWorld.Player ann = worldA.newPlayer("two_ann");
    PlayWorld.Player onA = worldA.newPlayer("two_ben");
    // Access tokens are signed per node here: ben logs in on node B.
    PlayWorld.Player ben =
        new PlayWorld.Player(onA.accountId(), worldB.token("two_ben"), onA.playerId());
    ChatDeliveryTest.Chats annChats = new ChatDeliveryTest.Chats();
    ChatDeliveryTest.Chats benChats = new ChatDeliveryTest.Chats();
    try (BlueMarbleClient a = worldA.webSocket(ann, annChats);
        BlueMarbleClient b = worldB.webSocket(ben, benChats)) {
      a.enterWorld(ann.playerId()).get(30, TimeUnit.SECONDS);
      b.enterWorld(ben.playerId()).get(30, TimeUnit.SECONDS);
      // The topic's subscribers spread by gossip: wait until a line crosses.
      await()
          .atMost(PlayWorld.WAIT)
          .untilAsserted(
              () -> {
                a.chat(ChatChannel.CHAT_CHANNEL_GENERAL, "ping", "").get(30, TimeUnit.SECONDS);
                assertThat(benChats.texts(ChatChannel.CHAT_CHANNEL_GENERAL)).contains("ping");
              });
      for (int i = 0; i < 8; i++) {
        a.chat(ChatChannel.CHAT_CHANNEL_GENERAL, "n" + i, "").get(30, TimeUnit.SECONDS);
      }
      a.chat(ChatChannel.CHAT_CHANNEL_TRADE, "selling ore", "").get(30, TimeUnit.SECONDS);
      b.chat(ChatChannel.CHAT_CHANNEL_WHISPER, "hi ann", "TWO_ANN hero").get(30, TimeUnit.SECONDS);
      await()
          .atMost(PlayWorld.WAIT)
          .untilAsserted(
              () -> {
                assertThat(
                        benChats.texts(ChatChannel.CHAT_CHANNEL_GENERAL).stream()
                            .filter(t -> t.startsWith("n"))
                            .toList())
                    .containsExactly("n0", "n1", "n2", "n3", "n4", "n5", "n6", "n7");
                assertThat(benChats.texts(ChatChannel.CHAT_CHANNEL_TRADE)).contains("selling ore");
                assertThat(annChats.texts(ChatChannel.CHAT_CHANNEL_WHISPER)).contains("hi ann");
              });
      ChatMessage whisper =
          annChats.lines.stream()
              .filter(m -> m.getChannel() == ChatChannel.CHAT_CHANNEL_WHISPER)
              .findFirst()
              .orElseThrow();
      assertThat(whisper.getFromPlayerId()).isEqualTo(ben.playerId());
    }
  }
}
