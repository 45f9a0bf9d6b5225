package org.bluemarble.play;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bluemarble.config.Profile;
import org.bluemarble.node.testing.AdminClient;
import org.bluemarble.node.testing.InProcessNode;
import org.bluemarble.protocol.client.BlueMarbleClient;
import org.bluemarble.protocol.v1.Disconnect;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Revoked credentials end live game sessions over a real WebSocket: a logout ends its login's
 * sessions, a password change the account's other logins' sessions, a ban all of them, also those
 * still choosing a character (authenticated, not in the world).
 */
class RevokedLoginEndsGameSessionsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dataDir;
  private static InProcessNode node;
  private static PlayWorld world;
  private static AdminClient api;

  @BeforeAll
  static void startNode() {
    node = InProcessNode.start(Profile.EMBEDDED, PlayWorld.config(dataDir.toString(), "30s"));
    world = new PlayWorld(node);
    api = node.client();
  }

  @AfterAll
  static void stopNode() throws Exception {
    node.close();
  }

  /** A fresh login: {accessToken, refreshToken}. */
  private static String[] login(String username) throws Exception {
    JsonNode body =
        api.post(
                "/v1/auth/login",
                JSON.writeValueAsString(
                    Map.of("username", username, "password", PlayWorld.PASSWORD)))
            .body();
    return new String[] {body.path("accessToken").asText(), body.path("refreshToken").asText()};
  }

  private static BlueMarbleClient authenticated(String accessToken, SessionAdmissionTest.Ends ends)
      throws Exception {
    BlueMarbleClient ws = world.webSocketGreeted(ends);
    ws.authenticate(accessToken).get(30, TimeUnit.SECONDS);
    return ws;
  }

  @Test
  void aLogoutEndsTheGameSessionOfThatLoginInCharacterSelection() throws Exception {
    world.newPlayer("rv_logout");
    String[] phone = login("rv_logout");
    String[] laptop = login("rv_logout");
    SessionAdmissionTest.Ends phoneEnds = new SessionAdmissionTest.Ends();
    SessionAdmissionTest.Ends laptopEnds = new SessionAdmissionTest.Ends();
    try (BlueMarbleClient onPhone = authenticated(phone[0], phoneEnds);
        BlueMarbleClient onLaptop = authenticated(laptop[0], laptopEnds)) {
      assertThat(api.post("/v1/auth/logout", "{\"refreshToken\":\"" + phone[1] + "\"}").status())
          .isEqualTo(204);

      assertThat(phoneEnds.disconnect.get(30, TimeUnit.SECONDS).getReason())
          .isEqualTo(Disconnect.Reason.REASON_KICKED);
      // The other login's session lives on.
      assertThat(laptopEnds.disconnect).isNotDone();
      assertThat(onLaptop.phase()).isNotEqualTo(BlueMarbleClient.Phase.CLOSED);
    }
  }

  @Test
  void aPasswordChangeEndsTheOtherLoginsGameSessionsInTheWorld() throws Exception {
    PlayWorld.Player p = world.newPlayer("rv_password");
    String[] thief = login("rv_password");
    SessionAdmissionTest.Ends ends = new SessionAdmissionTest.Ends();
    try (BlueMarbleClient ws = authenticated(thief[0], ends)) {
      ws.enterWorld(p.playerId()).get(30, TimeUnit.SECONDS);
      AdminClient.Response changed =
          api.call(
              "POST",
              "/v1/auth/password",
              JSON.writeValueAsString(
                  Map.of("currentPassword", PlayWorld.PASSWORD, "newPassword", "a-brand-new-pw")),
              p.token());
      assertThat(changed.status()).isEqualTo(204);

      assertThat(ends.disconnect.get(30, TimeUnit.SECONDS).getReason())
          .isEqualTo(Disconnect.Reason.REASON_KICKED);
    }
  }

  @Test
  void anAdminBanEndsEveryGameSessionOfTheAccount() throws Exception {
    PlayWorld.Player p = world.newPlayer("rv_ban");
    SessionAdmissionTest.Ends ends = new SessionAdmissionTest.Ends();
    try (BlueMarbleClient ws = authenticated(p.token(), ends)) {
      AdminClient.Response banned =
          api.call(
              "POST",
              "/admin/v1/accounts/" + p.accountId() + "/ban",
              "{\"reason\":\"botting\"}",
              api.adminToken());
      assertThat(banned.status()).as(String.valueOf(banned.body())).isEqualTo(200);

      assertThat(ends.disconnect.get(30, TimeUnit.SECONDS).getReason())
          .isEqualTo(Disconnect.Reason.REASON_KICKED);
    }
  }
}
