package org.bluemarble.play;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.bluemarble.config.Profile;
import org.bluemarble.node.testing.InProcessNode;
import org.bluemarble.protocol.ProtocolException;
import org.bluemarble.protocol.client.BlueMarbleClient;
import org.bluemarble.protocol.client.ClientIoLoop;
import org.bluemarble.protocol.client.ClientListener;
import org.bluemarble.protocol.udp.ConnectToken;
import org.bluemarble.protocol.v1.Disconnect;
import org.bluemarble.protocol.v1.Error;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may hold a game session: a banned account none, even with an access token (or connect token)
 * issued before the ban (checked when a connection authenticates and when a presence starts); a UDP
 * connection only the player its connect token was issued for.
 */
class SessionAdmissionTest {
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

  /** Records the Disconnect the server sends. */
  static final class Ends implements ClientListener {
    final CompletableFuture<Disconnect> disconnect = new CompletableFuture<>();

    @Override
    public void onDisconnect(Disconnect d) {
      disconnect.complete(d);
    }
  }

  @Test
  void aBannedAccountIsRefusedAtAuthenticationOverWebSocket() throws Exception {
    PlayWorld.Player p = world.newPlayer("ban_ws");
    world.ban(p.accountId(), "botting");
    Ends ends = new Ends();
    try (BlueMarbleClient ws = world.webSocketGreeted(ends)) {
      assertBanned(ws.authenticate(p.token()));
      assertThat(ends.disconnect.get(30, TimeUnit.SECONDS).getReason())
          .isEqualTo(Disconnect.Reason.REASON_PROTOCOL_VIOLATION);
      await().atMost(PlayWorld.WAIT).until(() -> ws.phase() == BlueMarbleClient.Phase.CLOSED);
    }
  }

  @Test
  void aBanBetweenAuthenticationAndEnteringKeepsThePresenceOut() throws Exception {
    PlayWorld.Player p = world.newPlayer("ban_enter");
    Ends ends = new Ends();
    try (BlueMarbleClient ws = world.webSocket(p, ends)) {
      world.ban(p.accountId(), "gold selling");
      assertBanned(ws.enterWorld(p.playerId()));
      await().atMost(PlayWorld.WAIT).until(() -> ws.phase() == BlueMarbleClient.Phase.CLOSED);
    }
  }

  @Test
  void aBannedAccountIsRefusedOverUdpWithAnUnexpiredConnectToken() throws Exception {
    PlayWorld.Player p = world.newPlayer("ban_udp");
    ConnectToken token = world.connectToken(p);
    world.ban(p.accountId(), "exploits");
    Ends ends = new Ends();
    try (ClientIoLoop loop = new ClientIoLoop("admission-test-io");
        BlueMarbleClient udp = world.udpGreeted(token, p, ends, loop, null)) {
      assertBanned(udp.authenticate(p.token()));
      // The reliable Disconnect arrives before the transport's disconnect packet closes the link.
      assertThat(ends.disconnect.get(30, TimeUnit.SECONDS).getDetail()).contains("banned");
      await().atMost(PlayWorld.WAIT).until(() -> udp.phase() == BlueMarbleClient.Phase.CLOSED);
    }
  }

  @Test
  void aConnectTokenForOnePlayerDoesNotAdmitAnotherAccount() throws Exception {
    PlayWorld.Player owner = world.newPlayer("bind_owner");
    PlayWorld.Player thief = world.newPlayer("bind_thief");
    ConnectToken ownersToken = world.connectToken(owner);
    try (ClientIoLoop loop = new ClientIoLoop("binding-test-io");
        BlueMarbleClient udp = world.udpGreeted(ownersToken, thief, new Ends(), loop, null)) {
      assertRefused(udp.authenticate(thief.token()), Error.Code.CODE_UNAUTHENTICATED)
          .contains(owner.playerId());
    }
  }

  @Test
  void aConnectTokenForOneCharacterDoesNotEnterAsAnotherOfTheSameAccount() throws Exception {
    PlayWorld.Player p = world.newPlayer("bind_twins");
    String second = world.addCharacter(p, "bind_twins second");
    ConnectToken firstOnly = world.connectToken(p);
    try (ClientIoLoop loop = new ClientIoLoop("binding-test-io");
        BlueMarbleClient udp = world.udpGreeted(firstOnly, p, new Ends(), loop, null)) {
      assertThat(udp.authenticate(p.token()).get(30, TimeUnit.SECONDS).getPlayerIdsList())
          .contains(p.playerId(), second);
      assertRefused(udp.enterWorld(second), Error.Code.CODE_UNAUTHENTICATED).contains(second);
    }
  }

  @Test
  void aConnectTokenIsIssuedOnlyForACharacterOfTheAccount() throws Exception {
    PlayWorld.Player p = world.newPlayer("bind_asker");
    PlayWorld.Player other = world.newPlayer("bind_other");
    try (BlueMarbleClient ws = world.webSocket(p, new Ends())) {
      assertRefused(ws.requestConnectToken(other.playerId()), Error.Code.CODE_NOT_FOUND)
          .contains(other.playerId());
      assertThat(ws.requestConnectToken(p.playerId()).get(30, TimeUnit.SECONDS).getToken())
          .isNotEmpty();
    }
  }

  private static void assertBanned(CompletableFuture<?> answer) {
    assertRefused(answer, Error.Code.CODE_ACCOUNT_BANNED).contains("banned");
  }

  private static org.assertj.core.api.AbstractStringAssert<?> assertRefused(
      CompletableFuture<?> answer, Error.Code code) {
    Throwable failure = catchThrowable(() -> answer.get(30, TimeUnit.SECONDS));
    assertThat(failure).isInstanceOf(ExecutionException.class);
    assertThat(failure.getCause()).isInstanceOf(ProtocolException.class);
    ProtocolException refused = (ProtocolException) failure.getCause();
    assertThat(refused.code()).as(refused.getMessage()).isEqualTo(code);
    return assertThat(refused.getMessage());
  }
}
