package org.bluemarble.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bluemarble.config.Profile;
import org.bluemarble.node.testing.AdminClient;
import org.bluemarble.node.testing.InProcessNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A person's data rights against a real embedded node: the export holds the economy (wallets,
 * ledger lines, inventory, listings) of the account bank and its characters, and is audited
 * although it is a read; erasure cancels open listings, forgets the ledger lines and freezes the
 * holdings; a player exports and erases their own account (password asked again, audited).
 */
class AccountDataRightsTest {
  private static final String PASSWORD = "a-long-password";
  @TempDir static Path dataDir;
  static InProcessNode node;
  static AdminClient client;
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
                1,
                "bluemarble.market.default-trust-tier",
                "ESTABLISHED"));
    client = node.client();
    admin = client.adminToken();
  }

  @AfterAll
  static void stopNode() throws Exception {
    node.close();
  }

  /** Registers a fresh account and returns {accountId, accessToken, username}. */
  private static String[] register() throws Exception {
    String name = "r" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    AdminClient.Response reg =
        client.call(
            "POST",
            "/v1/auth/register",
            "{\"username\":\""
                + name
                + "\",\"password\":\""
                + PASSWORD
                + "\",\"email\":\"d@e.org\"}",
            null);
    assertThat(reg.status()).isEqualTo(201);
    return new String[] {
      reg.body().path("accountId").asText(), login(name).body().path("accessToken").asText(), name
    };
  }

  private static AdminClient.Response login(String name) throws Exception {
    return client.call(
        "POST",
        "/v1/auth/login",
        "{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD + "\"}",
        null);
  }

  private static void grant(String holder, long copper, String itemId) throws Exception {
    AdminClient.Response r =
        client.call(
            "POST",
            "/admin/v1/economy/players/" + holder + "/grants",
            "{\"copper\":"
                + copper
                + ",\"items\":[{\"itemId\":\""
                + itemId
                + "\",\"quantity\":1}],\"reason\":\"test\"}",
            admin);
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
  }

  private static List<String> auditActions(String actor) throws Exception {
    JsonNode entries =
        client
            .call("GET", "/admin/v1/audit?actor=" + actor + "&limit=100", null, admin)
            .body()
            .path("entries");
    List<String> actions = new ArrayList<>();
    entries.forEach(e -> actions.add(e.path("action").asText()));
    return actions;
  }

  @Test
  void theExportHoldsTheEconomyAndErasureCancelsListingsForgetsLinesAndFreezes() throws Exception {
    String[] p = register();
    AdminClient.Response created =
        client.call(
            "POST",
            "/v1/characters",
            "{\"name\":\"Wealthy\",\"characterClass\":\"Warrior\"}",
            p[1]);
    assertThat(created.status()).isEqualTo(201);
    String character = created.body().path("playerId").asText();
    grant(p[0], 5_000, "iron_sword");
    grant(character, 700, "copper_ore");
    AdminClient.Response listed =
        client.call(
            "POST",
            "/api/marketplace/listings",
            "{\"itemId\":\"iron_sword\",\"quantity\":1,\"price\":1000,\"durationDays\":3}",
            p[1]);
    assertThat(listed.status()).as(String.valueOf(listed.body())).isEqualTo(201);
    String listing = listed.body().path("id").asText();

    AdminClient.Response export =
        client.call("GET", "/admin/v1/accounts/" + p[0] + "/export", null, admin);
    assertThat(export.status()).isEqualTo(200);
    JsonNode economy = export.body().path("economy");
    assertThat(economy.path("wallets").findValuesAsText("playerId"))
        .containsExactlyInAnyOrder(p[0], character);
    assertThat(economy.path("listings").findValuesAsText("id")).contains(listing);
    assertThat(economy.path("wallets").toString())
        .contains("copper_ore")
        .contains("market:capital:op:");
    // The export is a read that hands out a person's data: it is in the audit log.
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(auditActions(AdminClient.TEST_ADMIN))
                    .contains("GET /admin/v1/accounts/{accountId}/export"));

    assertThat(client.call("DELETE", "/admin/v1/accounts/" + p[0], null, admin).status())
        .isEqualTo(204);

    String[] other = register();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        client
                            .call("GET", "/api/marketplace/listings/" + listing, null, other[1])
                            .body()
                            .path("status")
                            .asText())
                    .isEqualTo("CANCELLED"));
    for (String holder : List.of(p[0], character)) {
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                JsonNode wallet =
                    client
                        .call("GET", "/admin/v1/economy/players/" + holder + "/wallet", null, admin)
                        .body();
                assertThat(wallet.path("frozen").asBoolean()).isTrue();
                assertThat(wallet.path("ledger").size()).isZero();
              });
    }
  }

  @Test
  void aPlayerExportsAndErasesTheirOwnAccountWithThePasswordAndBothAreAudited() throws Exception {
    String[] p = register();
    AdminClient.Response export = client.call("GET", "/v1/account/export", null, p[1]);
    assertThat(export.status()).isEqualTo(200);
    assertThat(export.body().path("account").path("username").asText()).isEqualTo(p[2]);
    assertThat(export.body().path("economy").path("wallets").size()).isEqualTo(1);
    assertThat(client.call("GET", "/v1/account/export", null, null).status()).isEqualTo(401);

    AdminClient.Response wrong =
        client.call("DELETE", "/v1/account", "{\"password\":\"not-the-password\"}", p[1]);
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(login(p[2]).status()).isEqualTo(200);

    AdminClient.Response erased =
        client.call("DELETE", "/v1/account", "{\"password\":\"" + PASSWORD + "\"}", p[1]);
    assertThat(erased.status()).isEqualTo(204);
    assertThat(login(p[2]).status()).isEqualTo(401);
    assertThat(client.call("GET", "/admin/v1/accounts/" + p[0], null, admin).status())
        .isEqualTo(404);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(auditActions(p[0]))
                    .contains("GET /v1/account/export", "DELETE /v1/account"));
  }
}
