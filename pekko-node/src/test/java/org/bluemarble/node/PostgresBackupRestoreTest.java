package org.bluemarble.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.bluemarble.config.Profile;
import org.bluemarble.node.testing.AdminClient;
import org.bluemarble.node.testing.InProcessNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backup procedure of docs/operations.md, on a real PostgreSQL (zonky ships the server, not
 * pg_basebackup or pg_dump): WAL archiving with {@code archive_command}, a base backup with the
 * low-level API ({@code pg_backup_start}, copy of the data directory, {@code pg_backup_stop}'s
 * {@code backup_label}), then a point-in-time restore ({@code recovery.signal}, {@code
 * restore_command}, {@code recovery_target_time}). A node writes players, wallets and listings
 * before the backup and between the backup and the target time (both must come back), and more
 * after the target time (must not); a node on the restored database serves the same players,
 * wallets and listings.
 */
@Tag("slow")
class PostgresBackupRestoreTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "correct horse battery staple";

  /** The servers' own log (outside the temporary directory, so that it outlives a failure). */
  private static final Path PG_LOG =
      Path.of(System.getProperty("java.io.tmpdir"), "bluemarble-backup-test-postgres.log");

  @TempDir Path tmp;

  /** What one round of writes created. */
  private record Written(
      String playerId, String accountId, String listingId, String username, String copper) {}

  @Test
  void aNodeOnTheRestoredDatabaseServesThePlayersWalletsAndListingsUpToTheTargetTime()
      throws Exception {
    Path archive = Files.createDirectories(tmp.resolve("wal-archive"));
    Path backup = tmp.resolve("base-backup");
    EmbeddedPostgres pg =
        EmbeddedPostgres.builder()
            .setDataDirectory(tmp.resolve("pg-data"))
            .setPGStartupWait(Duration.ofSeconds(120))
            .setErrorRedirector(ProcessBuilder.Redirect.appendTo(PG_LOG.toFile()))
            .setOutputRedirector(ProcessBuilder.Redirect.appendTo(PG_LOG.toFile()))
            // In the server's own configuration file: zonky passes -c options through pg_ctl
            // as one string split at spaces, which a shell command cannot survive.
            .setDataDirectoryCustomizer(
                dir ->
                    append(
                        dir.toPath().resolve("postgresql.auto.conf"),
                        "wal_level = replica\narchive_mode = on\narchive_command = 'test ! -f "
                            + archive
                            + "/%f && cp %p "
                            + archive
                            + "/%f'\n"))
            .start();
    Written before;
    Written between;
    Written after;
    String targetTime;
    try {
      Map<String, Object> config = nodeConfig(pg.getJdbcUrl("postgres", "postgres"));
      try (InProcessNode node = InProcessNode.start(Profile.LOCAL1, config)) {
        before = write(node, "bk_before");

        // Base backup: start, copy the data directory while the node keeps writing, stop, label.
        try (Connection c = pg.getPostgresDatabase().getConnection();
            Statement s = c.createStatement()) {
          s.execute("SELECT pg_backup_start('bluemarble-test', true)");
          between = write(node, "bk_between");
          copyDataDirectory(tmp.resolve("pg-data"), backup);
          // PostgreSQL starts only on a directory its owner alone may enter.
          Files.setPosixFilePermissions(backup, PosixFilePermissions.fromString("rwx------"));
          try (ResultSet r = s.executeQuery("SELECT labelfile FROM pg_backup_stop(true)")) {
            r.next();
            Files.writeString(backup.resolve("backup_label"), r.getString(1));
          }
        }
        // The target time: after everything so far was acknowledged, before what follows.
        targetTime = query(pg, "SELECT clock_timestamp()::text");
        after = write(node, "bk_after");
        // Close the WAL segment holding all of it and wait until it is archived.
        String segment = query(pg, "SELECT pg_walfile_name(pg_switch_wal())");
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(archive.resolve(segment)));
      }
    } finally {
      pg.close();
    }

    // Restore: the base backup, then the archived WAL up to the target time, then promote.
    EmbeddedPostgres restored =
        EmbeddedPostgres.builder()
            .setDataDirectory(backup)
            .setCleanDataDirectory(false)
            .setPGStartupWait(Duration.ofSeconds(120))
            .setErrorRedirector(ProcessBuilder.Redirect.appendTo(PG_LOG.toFile()))
            .setOutputRedirector(ProcessBuilder.Redirect.appendTo(PG_LOG.toFile()))
            .setDataDirectoryCustomizer(
                dir -> {
                  append(dir.toPath().resolve("recovery.signal"), "");
                  append(
                      dir.toPath().resolve("postgresql.auto.conf"),
                      "\narchive_mode = off\nrestore_command = 'cp "
                          + archive
                          + "/%f %p'\nrecovery_target_time = '"
                          + targetTime
                          + "'\nrecovery_target_action = 'promote'\n");
                })
            .start();
    try {
      await()
          .atMost(Duration.ofSeconds(120))
          .until(
              () ->
                  "f".equals(query(restored, "SELECT pg_is_in_recovery()::text").substring(0, 1)));
      try (InProcessNode node =
          InProcessNode.start(
              Profile.LOCAL1, nodeConfig(restored.getJdbcUrl("postgres", "postgres")))) {
        AdminClient api = node.client();
        String admin = api.adminToken();
        for (Written w : List.of(before, between)) {
          assertThat(api.player(w.playerId()).status()).isEqualTo(200);
          AdminClient.Response wallet =
              api.call(
                  "GET", "/admin/v1/economy/players/" + w.accountId() + "/wallet", null, admin);
          assertThat(wallet.status()).as(String.valueOf(wallet.body())).isEqualTo(200);
          assertThat(wallet.body().path("copper").toString()).isEqualTo(w.copper());
          AdminClient.Response listing =
              api.call(
                  "GET",
                  "/api/marketplace/listings/" + w.listingId(),
                  null,
                  login(api, w.username()));
          assertThat(listing.status()).as(String.valueOf(listing.body())).isEqualTo(200);
        }
        // Written after the target time: not restored.
        assertThat(api.player(after.playerId()).status()).isEqualTo(404);
      }
    } finally {
      restored.close();
    }
  }

  private Map<String, Object> nodeConfig(String url) {
    Map<String, Object> config = new HashMap<>();
    config.put("bluemarble.persistence.url", url);
    config.put("bluemarble.persistence.user", "postgres");
    config.put("bluemarble.persistence.password", "postgres");
    config.put("bluemarble.node.data-dir", tmp.resolve("node-" + System.nanoTime()).toString());
    config.put("bluemarble.auth.argon2.memory-kib", 1024);
    config.put("bluemarble.auth.argon2.iterations", 1);
    return config;
  }

  /** One player, one account with a wallet (granted 7,777 copper and ore) and one listing. */
  private static Written write(InProcessNode node, String name) throws Exception {
    AdminClient api = node.client();
    AdminClient.Response player = api.createPlayer(name + " hero", "Mage");
    assertThat(player.status()).as(String.valueOf(player.body())).isEqualTo(201);
    AdminClient.Response reg =
        api.post(
            "/v1/auth/register",
            JSON.writeValueAsString(
                Map.of("username", name, "password", PASSWORD, "email", name + "@example.org")));
    assertThat(reg.status()).as(String.valueOf(reg.body())).isEqualTo(201);
    String accountId = reg.body().path("accountId").asText();
    AdminClient.Response grant =
        api.call(
            "POST",
            "/admin/v1/economy/players/" + accountId + "/grants",
            JSON.writeValueAsString(
                Map.of(
                    "copper",
                    7777,
                    "items",
                    List.of(Map.of("itemId", "copper_ore", "quantity", 3)),
                    "reason",
                    "backup test",
                    "requestId",
                    "grant-" + name)),
            api.adminToken());
    assertThat(grant.status()).as(String.valueOf(grant.body())).isEqualTo(200);
    AdminClient.Response listing =
        api.call(
            "POST",
            "/api/marketplace/listings",
            JSON.writeValueAsString(
                Map.of("itemId", "copper_ore", "quantity", 1, "price", 500, "durationDays", 1)),
            login(api, name));
    assertThat(listing.status()).as(String.valueOf(listing.body())).isEqualTo(201);
    AdminClient.Response wallet =
        api.call(
            "GET", "/admin/v1/economy/players/" + accountId + "/wallet", null, api.adminToken());
    assertThat(wallet.status()).as(String.valueOf(wallet.body())).isEqualTo(200);
    assertThat(wallet.body().has("copper")).as(wallet.body().toString()).isTrue();
    return new Written(
        player.body().path("id").asText(),
        accountId,
        listing.body().path("id").asText(),
        name,
        wallet.body().path("copper").toString());
  }

  private static String login(AdminClient api, String name) throws Exception {
    AdminClient.Response r =
        api.post(
            "/v1/auth/login",
            JSON.writeValueAsString(Map.of("username", name, "password", PASSWORD)));
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
    return r.body().path("accessToken").asText();
  }

  private static void append(Path file, String text) {
    try {
      Files.writeString(
          file,
          text,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND,
          StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String query(EmbeddedPostgres pg, String sql) throws SQLException {
    try (Connection c = pg.getPostgresDatabase().getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getString(1);
    }
  }

  /**
   * Copies a running server's data directory as the low-level API allows: everything but the
   * server's pid file and the WAL (replayed from the archive instead), which may change underneath.
   */
  private static void copyDataDirectory(Path from, Path to) throws IOException {
    Set<String> skipped = Set.of("postmaster.pid", "postmaster.opts");
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        Path rel = from.relativize(p);
        Path target = to.resolve(rel.toString());
        if (skipped.contains(rel.toString())) {
          continue;
        }
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else if (!rel.startsWith("pg_wal")) {
          try {
            Files.copy(p, target);
          } catch (java.nio.file.NoSuchFileException gone) {
            // Dropped while copying (a temporary file): the WAL replay recreates what matters.
          }
        }
      }
    }
  }
}
