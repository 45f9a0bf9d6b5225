package org.bluemarble.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.bluemarble.auth.KeyRingFiles;
import org.bluemarble.config.Profile;
import org.bluemarble.node.testing.AdminClient;
import org.bluemarble.node.testing.InProcessNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An embedded node keeps its signing key (and its logins) in the data directory, so a restart does
 * not log everyone out.
 */
class EmbeddedRestartLoginTest {
  @TempDir Path dataDir;

  private InProcessNode start() {
    return InProcessNode.start(
        Profile.EMBEDDED,
        Map.of(
            "bluemarble.node.data-dir", dataDir.toString(),
            "bluemarble.auth.argon2.memory-kib", 1024,
            "bluemarble.auth.argon2.iterations", 1));
  }

  @Test
  void aTokenIssuedBeforeARestartVerifiesAfterIt() throws Exception {
    String access;
    String refresh;
    try (InProcessNode node = start()) {
      AdminClient api = node.client();
      assertThat(
              api.post(
                      "/v1/auth/register",
                      "{\"username\":\"restart_rita\",\"password\":\"restart-rita-pw\","
                          + "\"email\":\"r@example.org\"}")
                  .status())
          .isEqualTo(201);
      AdminClient.Response login =
          api.post(
              "/v1/auth/login", "{\"username\":\"restart_rita\",\"password\":\"restart-rita-pw\"}");
      access = login.body().path("accessToken").asText();
      refresh = login.body().path("refreshToken").asText();
      assertThat(api.call("GET", "/v1/characters", null, access).status()).isEqualTo(200);
    }
    Path key = dataDir.resolve(KeyRingFiles.DATA_DIR_KEY);
    assertThat(key).exists();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key.getParent())))
        .isEqualTo("rwx------");

    try (InProcessNode node = start()) {
      AdminClient api = node.client();
      AdminClient.Response characters = api.call("GET", "/v1/characters", null, access);
      assertThat(characters.status()).as(String.valueOf(characters.body())).isEqualTo(200);
      AdminClient.Response refreshed =
          api.post("/v1/auth/refresh", "{\"refreshToken\":\"" + refresh + "\"}");
      assertThat(refreshed.status()).as(String.valueOf(refreshed.body())).isEqualTo(200);
    }
  }
}
