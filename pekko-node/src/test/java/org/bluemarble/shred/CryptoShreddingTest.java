package org.bluemarble.shred;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.bluemarble.config.PersistenceSettings;
import org.bluemarble.config.Profile;
import org.bluemarble.node.testing.AdminClient;
import org.bluemarble.node.testing.InProcessNode;
import org.bluemarble.persistence.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crypto-shredding on a real node, journal on an H2 file and on PostgreSQL: the personal strings of
 * an account (name, email, character name) never reach the journal's bytes in plaintext; once the
 * account is erased its keys are gone, the admin replay shows the fields as {@code <erased>}, and a
 * restarted node recovers the character from the journal with its name erased.
 */
class CryptoShreddingTest {
  private static final String PASSWORD = "a-long-password";

  @TempDir Path dataDir;

  @Test
  void anErasedAccountLeavesNothingReadableInAnH2Journal() throws Exception {
    Map<String, Object> overrides = new HashMap<>();
    overrides.put("bluemarble.node.data-dir", dataDir.toString());
    erasesEverythingPersonal(Profile.EMBEDDED, overrides);
  }

  @Test
  void anErasedAccountLeavesNothingReadableInAPostgresJournal() throws Exception {
    erasesEverythingPersonal(Profile.LOCAL1, TestPostgres.newDatabase().configOverrides());
  }

  private static void erasesEverythingPersonal(Profile profile, Map<String, Object> overrides)
      throws Exception {
    Map<String, Object> all = new HashMap<>(overrides);
    all.put("bluemarble.auth.argon2.memory-kib", 1024);
    all.put("bluemarble.auth.argon2.iterations", 1);
    String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    String username = "Shred" + suffix;
    String email = "mail" + suffix + "@example.org";
    String character = "Hero" + suffix;
    String accountId;
    String playerId;
    PersistenceSettings db;
    try (InProcessNode node = InProcessNode.start(profile, all)) {
      db = PersistenceSettings.fromConfig(node.system.settings().config());
      AdminClient client = node.client();
      String admin = client.adminToken();
      AdminClient.Response reg =
          client.call(
              "POST",
              "/v1/auth/register",
              "{\"username\":\""
                  + username
                  + "\",\"password\":\""
                  + PASSWORD
                  + "\",\"email\":\""
                  + email
                  + "\"}",
              null);
      assertThat(reg.status()).as(String.valueOf(reg.body())).isEqualTo(201);
      accountId = reg.body().path("accountId").asText();
      String token =
          client
              .call(
                  "POST",
                  "/v1/auth/login",
                  "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}",
                  null)
              .body()
              .path("accessToken")
              .asText();
      AdminClient.Response created =
          client.call(
              "POST",
              "/v1/characters",
              "{\"name\":\"" + character + "\",\"characterClass\":\"Mage\"}",
              token);
      assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
      playerId = created.body().path("playerId").asText();

      // Encrypted from the first write: the rows exist, their bytes hold none of the strings.
      List<String> pids = List.of("Account|" + accountId, "Player|" + playerId);
      assertThat(persistenceIds(db)).containsAll(pids);
      // The name's claim is keyed by the name's keyed hash: no persistence id holds the name.
      assertThat(persistenceIds(db))
          .anyMatch(pid -> pid.startsWith("UsernameClaim|"))
          .noneMatch(
              pid -> pid.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT)));
      assertNoneReadable(db, username, email, character);
      // Replay decrypts while the keys exist.
      assertThat(events(client, admin, "Player|" + playerId)).contains(character);
      assertThat(events(client, admin, "Account|" + accountId)).contains(email);

      assertThat(client.call("DELETE", "/admin/v1/accounts/" + accountId, null, admin).status())
          .isEqualTo(204);

      assertNoneReadable(db, username, email, character);
      // Nowhere in the database: journal, tags, snapshots, offsets, read models (the player
      // summaries drop the names once their projection has seen the erasure).
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(() -> assertNoTableHolds(db, username, email, character));
      assertThat(erasedSubjects(db)).contains(accountId, playerId);
      // The name is free again, claimed under the same id.
      AdminClient.Response again =
          client.call(
              "POST",
              "/v1/auth/register",
              "{\"username\":\""
                  + username
                  + "\",\"password\":\""
                  + PASSWORD
                  + "\",\"email\":\"other"
                  + email
                  + "\"}",
              null);
      assertThat(again.status()).as(String.valueOf(again.body())).isEqualTo(201);
      String playerEvents = events(client, admin, "Player|" + playerId);
      assertThat(playerEvents).contains(PersonalCipher.ERASED).doesNotContain(character);
      String accountEvents = events(client, admin, "Account|" + accountId);
      assertThat(accountEvents).contains(PersonalCipher.ERASED).doesNotContain(email, username);
      AdminClient.Response state =
          client.call(
              "GET",
              "/admin/v1/journal/state/" + pct("Player|" + playerId) + "?atSeq=1",
              null,
              admin);
      assertThat(state.status()).isEqualTo(200);
      assertThat(state.body().path("state").path("name").asText()).isEqualTo(PersonalCipher.ERASED);
    }

    // A new node on the same journal recovers the character from its events, name erased.
    try (InProcessNode node = InProcessNode.start(profile, all)) {
      AdminClient client = node.client();
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                AdminClient.Response player = client.player(playerId);
                assertThat(player.status()).as(String.valueOf(player.body())).isEqualTo(200);
                assertThat(player.body().path("name").asText()).isEqualTo(PersonalCipher.ERASED);
              });
      assertNoneReadable(db, username, email, character);
    }
  }

  private static String pct(String persistenceId) {
    return persistenceId.replace("|", "%7C");
  }

  private static String events(AdminClient client, String admin, String persistenceId)
      throws Exception {
    AdminClient.Response r =
        client.call("GET", "/admin/v1/journal/events/" + pct(persistenceId), null, admin);
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
    JsonNode events = r.body().path("events");
    assertThat(events.size()).isPositive();
    return events.toString();
  }

  /** No row of the journal's event table holds any of {@code secrets} in its payload bytes. */
  private static void assertNoneReadable(PersistenceSettings db, String... secrets)
      throws Exception {
    int rows = 0;
    try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT \"persistence_id\", \"event_payload\", \"meta_payload\""
                    + " FROM \"event_journal\"")) {
      while (rs.next()) {
        rows++;
        String payload = latin1(rs.getBytes(2)) + latin1(rs.getBytes(3));
        String lower = payload.toLowerCase(Locale.ROOT);
        for (String secret : secrets) {
          assertThat(lower)
              .as("payload of %s", rs.getString(1))
              .doesNotContain(secret.toLowerCase(Locale.ROOT));
        }
      }
    }
    assertThat(rows).isPositive();
    try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT \"persistence_id\", \"snapshot_payload\" FROM \"snapshot\"")) {
      while (rs.next()) {
        String payload = latin1(rs.getBytes(2)).toLowerCase(Locale.ROOT);
        for (String secret : secrets) {
          assertThat(payload)
              .as("snapshot of %s", rs.getString(1))
              .doesNotContain(secret.toLowerCase(Locale.ROOT));
        }
      }
    }
  }

  /**
   * No cell of any table of the database (but the key table) holds any of {@code secrets}, read as
   * text and as raw bytes.
   */
  private static void assertNoTableHolds(PersistenceSettings db, String... secrets)
      throws Exception {
    int tables = 0;
    try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
      List<String> names = new ArrayList<>();
      try (ResultSet t = c.getMetaData().getTables(c.getCatalog(), c.getSchema(), "%", null)) {
        while (t.next()) {
          String type = t.getString("TABLE_TYPE");
          String name = t.getString("TABLE_NAME");
          if (type != null
              && type.toUpperCase(Locale.ROOT).contains("TABLE")
              && !type.toUpperCase(Locale.ROOT).contains("SYSTEM")
              && !name.equalsIgnoreCase("bluemarble_subject_keys")) {
            names.add(name);
          }
        }
      }
      for (String table : names) {
        tables++;
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
          int columns = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            for (int i = 1; i <= columns; i++) {
              Object value = rs.getObject(i);
              String text = value instanceof byte[] bytes ? latin1(bytes) : String.valueOf(value);
              String lower = text.toLowerCase(Locale.ROOT);
              for (String secret : secrets) {
                assertThat(lower)
                    .as("%s.%s", table, rs.getMetaData().getColumnName(i))
                    .doesNotContain(secret.toLowerCase(Locale.ROOT));
              }
            }
          }
        }
      }
    }
    assertThat(tables).as("tables scanned").isGreaterThan(3);
  }

  private static String latin1(byte[] bytes) {
    return bytes == null ? "" : new String(bytes, StandardCharsets.ISO_8859_1);
  }

  private static List<String> persistenceIds(PersistenceSettings db) throws Exception {
    List<String> ids = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT DISTINCT \"persistence_id\" FROM \"event_journal\"")) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    }
    return ids;
  }

  private static List<String> erasedSubjects(PersistenceSettings db) throws Exception {
    List<String> ids = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT subject FROM bluemarble_subject_keys"
                    + " WHERE secret IS NULL AND erased_at IS NOT NULL")) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    }
    return ids;
  }
}
