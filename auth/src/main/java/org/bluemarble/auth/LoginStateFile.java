package org.bluemarble.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;

/**
 * The embedded profile's logins across a restart: the live sessions and refresh tokens of the
 * in-process stores, written to one file in the data directory when the node stops and read back
 * when it starts, so that a restart does not log everyone out (together with the signing key kept
 * beside it, see {@link KeyRingFiles#persistedIn}). Refresh tokens are stored as their SHA-256
 * only. A node killed without a shutdown (kill -9) loses the logins made since its last start: the
 * players log in again; no game data is involved. The file is owner read/write only.
 */
public final class LoginStateFile {
  /** Name of the file under the data directory. */
  public static final String NAME = "auth/logins.json";

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  record State(List<Session> sessions, InMemoryRefreshTokenStore.Saved refreshTokens) {}

  private final Path file;

  public LoginStateFile(Path dataDir) {
    this.file = dataDir.resolve(NAME);
  }

  /**
   * Loads a saved state into the stores and deletes the file (it is written again at the next
   * stop), so that a later crash cannot bring back sessions ended in between. Nothing to load is
   * not an error; an unreadable file is logged over by starting empty.
   *
   * @return how many sessions were restored
   */
  public int restore(InMemorySessionStore sessions, InMemoryRefreshTokenStore refresh, Instant now)
      throws IOException {
    if (!Files.exists(file)) {
      return 0;
    }
    State state = JSON.readValue(file.toFile(), State.class);
    int restored = 0;
    for (Session s : state.sessions()) {
      if (now.isBefore(s.expiresAt())) {
        sessions.put(s);
        restored++;
      }
    }
    refresh.restore(state.refreshTokens());
    Files.delete(file);
    return restored;
  }

  /** Writes the stores' live state (atomically: a crash mid-write leaves the old file or none). */
  public void save(InMemorySessionStore sessions, InMemoryRefreshTokenStore refresh, Instant now)
      throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temporary = Files.createTempFile(dir, "logins", ".tmp");
    if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
    }
    JSON.writeValue(temporary.toFile(), new State(sessions.live(now), refresh.save(now)));
    Files.move(
        temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
