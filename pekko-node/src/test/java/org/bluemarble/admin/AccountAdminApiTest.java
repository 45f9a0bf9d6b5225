package org.bluemarble.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.bluemarble.config.Profile;
import org.bluemarble.node.SessionControl;
import org.bluemarble.node.testing.AdminClient;
import org.bluemarble.node.testing.InProcessNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Account administration, cluster operations and the player's own routes against a real embedded
 * node: bans refuse login and refresh and kick sessions, roles change tokens, maintenance refuses
 * players but not admins, characters are capped at 10.
 */
class AccountAdminApiTest {
  @TempDir static Path dataDir;
  static InProcessNode node;
  static String admin;

  @BeforeAll
  static void startNode() throws Exception {
    node =
        InProcessNode.start(
            Profile.EMBEDDED,
            Map.of(
                "bluemarble.node.data-dir",
                dataDir.toString(),
                "bluemarble.auth.argon2.memory-kib",
                1024,
                "bluemarble.auth.argon2.iterations",
                1));
    admin = node.client().adminToken();
    AdminApiTest.node = node;
  }

  @AfterAll
  static void stopNode() throws Exception {
    node.close();
  }

  private static AdminClient.Response send(String method, String path, String body, String token)
      throws Exception {
    AdminApiTest.node = node;
    return AdminApiTest.send(method, path, body, token);
  }

  /** Registers {@code name} and returns {accountId, refreshToken, accessToken}. */
  private static String[] player(String name) throws Exception {
    AdminClient.Response r =
        send(
            "POST",
            "/v1/auth/register",
            "{\"username\":\""
                + name
                + "\",\"password\":\"a-long-password\",\"email\":\"x@y.org\"}",
            null);
    assertThat(r.status()).isEqualTo(201);
    AdminClient.Response in = login(name);
    return new String[] {
      r.body().path("accountId").asText(),
      in.body().path("refreshToken").asText(),
      in.body().path("accessToken").asText()
    };
  }

  private static AdminClient.Response login(String name) throws Exception {
    return send(
        "POST",
        "/v1/auth/login",
        "{\"username\":\"" + name + "\",\"password\":\"a-long-password\"}",
        null);
  }

  private static TestProbe<SessionControl.Notice> subscribed() {
    TestProbe<SessionControl.Notice> probe = TestProbe.create(node.system);
    SessionControl.get(node.system).topic().tell(Topic.subscribe(probe.ref()));
    TestProbe<Topic.TopicStats> stats = TestProbe.create(node.system);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              SessionControl.get(node.system).topic().tell(Topic.getTopicStats(stats.ref()));
              return stats.receiveMessage().localSubscriberCount() > 0;
            });
    return probe;
  }

  @Test
  void aBanRefusesLoginAndRefreshAndKicksUntilLifted() throws Exception {
    String[] p = player("banned_one");
    TestProbe<SessionControl.Notice> sessions = subscribed();
    AdminClient.Response banned =
        send(
            "POST",
            "/admin/v1/accounts/" + p[0] + "/ban",
            "{\"reason\":\"cheating\",\"durationSeconds\":3600}",
            admin);
    assertThat(banned.status()).as(String.valueOf(banned.body())).isEqualTo(200);
    assertThat(banned.body().path("ban").path("reason").asText()).isEqualTo("cheating");
    SessionControl.Notice kick = sessions.receiveMessage(Duration.ofSeconds(10));
    assertThat(kick).isInstanceOf(SessionControl.Kick.class);
    assertThat(((SessionControl.Kick) kick).accountId()).isEqualTo(p[0]);

    AdminClient.Response refused = login("banned_one");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.body().path("error").path("code").asText()).isEqualTo("ACCOUNT_BANNED");
    // The ban ended the account's sessions and revoked their refresh families: log in again (403).
    AdminClient.Response refresh =
        send("POST", "/v1/auth/refresh", "{\"refreshToken\":\"" + p[1] + "\"}", null);
    assertThat(refresh.status()).isEqualTo(401);
    assertThat(refresh.body().path("error").path("details").path("reason").asText())
        .isEqualTo("FAMILY_REVOKED");

    assertThat(send("POST", "/admin/v1/accounts/" + p[0] + "/unban", "", admin).status())
        .isEqualTo(200);
    assertThat(login("banned_one").status()).isEqualTo(200);
    assertThat(
            send("POST", "/admin/v1/accounts/" + p[0] + "/ban", "{\"reason\":\"\"}", admin)
                .status())
        .isEqualTo(400);
  }

  @Test
  void grantedRolesAppearInTheNextTokenAndRevokedOnesLeave() throws Exception {
    String[] p = player("future_mod");
    assertThat(send("GET", "/admin/v1/audit", null, p[2]).status()).isEqualTo(403);
    AdminClient.Response granted =
        send("PUT", "/admin/v1/accounts/" + p[0] + "/roles/Moderator", "", admin);
    assertThat(granted.status()).isEqualTo(200);
    assertThat(granted.body().path("roles").toString()).contains("MODERATOR");
    String modToken = login("future_mod").body().path("accessToken").asText();
    assertThat(send("GET", "/admin/v1/audit?action=roles", null, modToken).status()).isEqualTo(200);
    assertThat(send("PUT", "/admin/v1/maintenance", "{\"on\":false}", modToken).status())
        .isEqualTo(403);
    assertThat(send("DELETE", "/admin/v1/accounts/" + p[0] + "/roles/Player", "", admin).status())
        .isEqualTo(400);
    assertThat(send("PUT", "/admin/v1/accounts/" + p[0] + "/roles/King", "", admin).status())
        .isEqualTo(400);
    AdminClient.Response audit =
        send("GET", "/admin/v1/audit?target=" + p[0] + "&action=roles", null, admin);
    assertThat(audit.body().path("total").asLong()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void aModeratorCannotBanKickOrChangeTheRolesOfAccountsRankedAboveThem() throws Exception {
    String[] mod = player("rank_mod");
    String[] dev = player("rank_dev");
    String[] plain = player("rank_plain");
    assertThat(send("PUT", "/admin/v1/accounts/" + mod[0] + "/roles/Moderator", "", admin).status())
        .isEqualTo(200);
    assertThat(send("PUT", "/admin/v1/accounts/" + dev[0] + "/roles/Developer", "", admin).status())
        .isEqualTo(200);
    String modToken = login("rank_mod").body().path("accessToken").asText();
    String adminId =
        send("GET", "/admin/v1/accounts?name=" + AdminClient.TEST_ADMIN, null, admin)
            .body()
            .path("accountId")
            .asText();

    for (String target : new String[] {dev[0], adminId}) {
      AdminClient.Response ban =
          send("POST", "/admin/v1/accounts/" + target + "/ban", "{\"reason\":\"coup\"}", modToken);
      assertThat(ban.status()).as(String.valueOf(ban.body())).isEqualTo(403);
      assertThat(ban.body().path("error").path("details").path("reason").asText())
          .isEqualTo("TARGET_OUTRANKS_CALLER");
      assertThat(
              send("POST", "/admin/v1/accounts/" + target + "/kick", "{\"reason\":\"x\"}", modToken)
                  .status())
          .isEqualTo(403);
    }
    // Neither account was banned.
    assertThat(login("rank_dev").status()).isEqualTo(200);
    com.fasterxml.jackson.databind.JsonNode devBan =
        send("GET", "/admin/v1/accounts/" + dev[0], null, admin).body().path("ban");
    assertThat(devBan.isNull() || devBan.isMissingNode()).as(devBan.toString()).isTrue();
    // Accounts of the same or a lower rank stay within a Moderator's reach.
    AdminClient.Response banPlain =
        send("POST", "/admin/v1/accounts/" + plain[0] + "/ban", "{\"reason\":\"spam\"}", modToken);
    assertThat(banPlain.status()).as(String.valueOf(banPlain.body())).isEqualTo(200);
  }

  @Test
  void aRefreshRetriedAfterALostAnswerGetsTheSamePairAndKeepsTheFamily() throws Exception {
    String[] p = player("retrying_refresher");
    String body = "{\"refreshToken\":\"" + p[1] + "\"}";
    AdminClient.Response first = send("POST", "/v1/auth/refresh", body, null);
    AdminClient.Response retry = send("POST", "/v1/auth/refresh", body, null);
    assertThat(first.status()).isEqualTo(200);
    assertThat(retry.status()).as(String.valueOf(retry.body())).isEqualTo(200);
    assertThat(retry.body()).isEqualTo(first.body());
    String next = first.body().path("refreshToken").asText();
    assertThat(
            send("POST", "/v1/auth/refresh", "{\"refreshToken\":\"" + next + "\"}", null).status())
        .isEqualTo(200);
  }

  @Test
  void maintenanceRefusesPlayersButNotAdmins() throws Exception {
    player("waiting_player");
    AdminClient.Response on =
        send("PUT", "/admin/v1/maintenance", "{\"on\":true,\"message\":\"back at six\"}", admin);
    assertThat(on.status()).isEqualTo(200);
    assertThat(on.body().path("on").asBoolean()).isTrue();
    try {
      AdminClient.Response refused = login("waiting_player");
      assertThat(refused.status()).isEqualTo(503);
      assertThat(refused.body().path("error").path("message").asText()).isEqualTo("back at six");
      AdminClient.Response adminLogin =
          send(
              "POST",
              "/v1/auth/login",
              "{\"username\":\"test_admin\",\"password\":\"test-admin-password\"}",
              null);
      assertThat(adminLogin.status()).isEqualTo(200);
    } finally {
      send("PUT", "/admin/v1/maintenance", "{\"on\":false}", admin);
    }
    assertThat(login("waiting_player").status()).isEqualTo(200);
  }

  @Test
  void broadcastReachesTheSessionTopicAndKickNeedsAnAccount() throws Exception {
    TestProbe<SessionControl.Notice> sessions = subscribed();
    assertThat(send("POST", "/admin/v1/broadcast", "{\"message\":\"hello world\"}", admin).status())
        .isEqualTo(202);
    SessionControl.Notice notice = sessions.receiveMessage(Duration.ofSeconds(10));
    assertThat(notice)
        .isEqualTo(
            new SessionControl.Broadcast(
                "hello world", "test_admin", ((SessionControl.Broadcast) notice).at()));
    assertThat(send("POST", "/admin/v1/broadcast", "{\"message\":\"\"}", admin).status())
        .isEqualTo(400);
    assertThat(
            send(
                    "POST",
                    "/admin/v1/accounts/00000000-0000-0000-0000-000000000009/kick",
                    "{\"reason\":\"x\"}",
                    admin)
                .status())
        .isEqualTo(404);
  }

  @Test
  void showsClusterMembersShardsAndAccountsByIdAndName() throws Exception {
    String[] p = player("Shown_Player");
    AdminClient.Response cluster = send("GET", "/admin/v1/cluster", null, admin);
    assertThat(cluster.status()).isEqualTo(200);
    assertThat(cluster.body().path("members").size()).isEqualTo(1);
    assertThat(cluster.body().path("members").get(0).path("status").asText()).isEqualTo("Up");
    assertThat(cluster.body().path("shards").has("Account")).isTrue();
    // Every sharded entity type is listed: the exchange's, the presence leases and the social ones.
    assertThat(cluster.body().path("shards").fieldNames())
        .toIterable()
        .contains(
            "Account",
            "UsernameClaim",
            "ExternalLink",
            "Player",
            "ZoneCell",
            "AuditLog",
            "Holdings",
            "Market",
            "Trade",
            "Treasury",
            "OrderBook",
            "AuctionHouse",
            "PresenceLease",
            "Guild",
            "SocialList",
            "Party",
            "GroupHistory",
            "Notifications",
            "Moderation");
    assertThat(cluster.body().path("shards").path("Account").get(0).path("shards").size())
        .isPositive();

    AdminClient.Response byName = send("GET", "/admin/v1/accounts?name=shown_player", null, admin);
    assertThat(byName.status()).isEqualTo(200);
    assertThat(byName.body().path("accountId").asText()).isEqualTo(p[0]);
    assertThat(byName.body().has("passwordHash")).isFalse();
    assertThat(
            send("GET", "/admin/v1/accounts/" + p[0], null, admin).body().path("username").asText())
        .isEqualTo("Shown_Player");
    assertThat(send("GET", "/admin/v1/accounts/not-a-uuid", null, admin).status()).isEqualTo(400);
  }

  @Test
  void playersManageAtMostTenCharactersAndChangeTheirPassword() throws Exception {
    String[] p = player("many_chars");
    for (int i = 0; i < 10; i++) {
      AdminClient.Response c =
          send(
              "POST",
              "/v1/characters",
              "{\"name\":\"Hero " + i + "\",\"characterClass\":\"Mage\"}",
              p[2]);
      assertThat(c.status()).as(String.valueOf(c.body())).isEqualTo(201);
      assertThat(c.body().path("characterClass").asText()).isEqualTo("Mage");
    }
    AdminClient.Response eleventh =
        send("POST", "/v1/characters", "{\"name\":\"Hero X\",\"characterClass\":\"Mage\"}", p[2]);
    assertThat(eleventh.status()).isEqualTo(409);
    AdminClient.Response list = send("GET", "/v1/characters", null, p[2]);
    assertThat(list.body().path("characters").size()).isEqualTo(10);
    String first = list.body().path("characters").get(0).path("id").asText();
    assertThat(send("DELETE", "/v1/characters/" + first, null, p[2]).status()).isEqualTo(204);
    assertThat(send("DELETE", "/v1/characters/" + first, null, p[2]).status()).isEqualTo(404);
    assertThat(
            send("POST", "/v1/characters", "{\"name\":\"!!\",\"characterClass\":\"Mage\"}", p[2])
                .status())
        .isEqualTo(400);
    assertThat(send("GET", "/v1/characters", null, null).status()).isEqualTo(401);

    String otherDevice = login("many_chars").body().path("accessToken").asText();
    assertThat(
            send(
                    "POST",
                    "/v1/auth/password",
                    "{\"currentPassword\":\"wrong-password\",\"newPassword\":\"another-long-pw\"}",
                    p[2])
                .status())
        .isEqualTo(401);
    assertThat(
            send(
                    "POST",
                    "/v1/auth/password",
                    "{\"currentPassword\":\"a-long-password\",\"newPassword\":\"another-long-pw\"}",
                    p[2])
                .status())
        .isEqualTo(204);
    // The change ends the account's other sessions and keeps the one that made it.
    assertThat(send("GET", "/v1/characters", null, otherDevice).status()).isEqualTo(401);
    assertThat(send("GET", "/v1/characters", null, p[2]).status()).isEqualTo(200);
    assertThat(login("many_chars").status()).isEqualTo(401);
    assertThat(
            send(
                    "POST",
                    "/v1/auth/login",
                    "{\"username\":\"many_chars\",\"password\":\"another-long-pw\"}",
                    null)
                .status())
        .isEqualTo(200);
  }

  @Test
  void exportsEverythingAboutAnAccountThenErasesItAndFreesTheName() throws Exception {
    String[] p = player("to_forget");
    send("POST", "/v1/characters", "{\"name\":\"Forgotten\",\"characterClass\":\"Healer\"}", p[2]);
    send("POST", "/admin/v1/accounts/" + p[0] + "/kick", "{\"reason\":\"check\"}", admin);
    AdminClient.Response export =
        send("GET", "/admin/v1/accounts/" + p[0] + "/export", null, admin);
    assertThat(export.status()).isEqualTo(200);
    assertThat(export.body().path("account").path("email").asText()).isEqualTo("x@y.org");
    assertThat(export.body().path("characters").get(0).path("name").asText())
        .isEqualTo("Forgotten");
    assertThat(export.body().path("audit").toString()).contains("kick");

    assertThat(send("DELETE", "/admin/v1/accounts/" + p[0], null, admin).status()).isEqualTo(204);
    assertThat(send("GET", "/admin/v1/accounts/" + p[0], null, admin).status()).isEqualTo(404);
    assertThat(send("GET", "/admin/v1/accounts/" + p[0] + "/export", null, admin).status())
        .isEqualTo(404);
    assertThat(login("to_forget").status()).isEqualTo(401);
    assertThat(
            send("POST", "/v1/auth/refresh", "{\"refreshToken\":\"" + p[1] + "\"}", null).status())
        .isEqualTo(401);
    assertThat(send("DELETE", "/admin/v1/accounts/" + p[0], null, admin).status()).isEqualTo(404);
    // The name is free again.
    player("to_forget");
  }

  @Test
  void hostileAdminInputGetsAClear4xxAndStoresNothing() throws Exception {
    String[] p = player("hostile_target");
    String ban = "/admin/v1/accounts/" + p[0] + "/ban";
    AdminClient.Response malformed = send("POST", ban, "{\"reason\": \"x\", ", admin);
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.body().path("error").path("code").asText()).isEqualTo("INVALID_JSON");
    AdminClient.Response unknownField =
        send("POST", ban, "{\"reason\":\"x\",\"admin\":true}", admin);
    assertThat(unknownField.status()).isEqualTo(400);
    assertThat(
            org.bluemarble.node.testing.LargeBodies.status(
                node.httpPort,
                "POST",
                ban,
                "{\"reason\":\"" + "r".repeat(1024 * 1024) + "\"}",
                admin))
        .isEqualTo(413);
    AdminClient.Response injected =
        send(
            "POST",
            "/admin/v1/load-test/accounts",
            "{\"prefix\":\"x'); DROP TABLE journal;--\",\"count\":1,\"characterClass\":\"Mage\"}",
            admin);
    assertThat(injected.status()).isEqualTo(400);
    assertThat(injected.body().path("error").path("message").asText()).contains("prefix");
    AdminClient.Response script =
        send("GET", "/admin/v1/accounts?name=%3Cscript%3Ealert(1)%3C%2Fscript%3E", null, admin);
    assertThat(script.status()).isEqualTo(404);
    AdminClient.Response account = send("GET", "/admin/v1/accounts/" + p[0], null, admin);
    assertThat(account.body().path("ban").isNull() || account.body().path("ban").isMissingNode())
        .isTrue();
  }
}
