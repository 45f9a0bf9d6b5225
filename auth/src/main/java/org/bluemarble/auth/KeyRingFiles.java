package org.bluemarble.auth;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bluemarble.auth.internal.Pem;

/**
 * Loads the production {@link KeyRing} from files, or generates one when no signing key is
 * configured (the embedded profile).
 *
 * <p>A key file is either a JWK (JSON, {@code kty: EC}, {@code crv: P-256}) or PEM. A signing key
 * in PEM holds two blocks: the PKCS#8 {@code PRIVATE KEY} and its X.509 {@code PUBLIC KEY} (the JDK
 * cannot derive an EC public key from the private one); a previous key needs only the {@code PUBLIC
 * KEY} block. {@code openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256} followed by
 * {@code openssl pkey -pubout} appended to the same file makes one.
 */
public final class KeyRingFiles {

  /**
   * Where the keys are.
   *
   * @param signingKey the current private key; empty means generate one at start (embedded profile
   *     only)
   * @param previousPublicKeys older keys whose tokens must still verify, newest first
   */
  public record Settings(Optional<Path> signingKey, List<Path> previousPublicKeys) {
    public Settings {
      previousPublicKeys = List.copyOf(previousPublicKeys);
    }

    /** No files: keys are generated at start. */
    public static Settings generated() {
      return new Settings(Optional.empty(), List.of());
    }
  }

  private KeyRingFiles() {}

  /** Name of the signing key a node keeps in its data directory when none is configured. */
  public static final String DATA_DIR_KEY = "auth/signing-key.jwk";

  /**
   * The settings with a signing key: {@code settings} when they name one, otherwise the key file
   * {@link #DATA_DIR_KEY} under {@code dataDir}, generated there on first use (the directory owner
   * only, the file owner read/write only), so tokens survive a restart of an embedded node.
   *
   * @throws IllegalArgumentException naming the path when it cannot be created
   */
  public static Settings persistedIn(Settings settings, Path dataDir) {
    if (settings.signingKey().isPresent()) {
      return settings;
    }
    Path file = dataDir.resolve(DATA_DIR_KEY);
    if (!Files.exists(file)) {
      create(file);
    }
    return new Settings(Optional.of(file), settings.previousPublicKeys());
  }

  private static void create(Path file) {
    Path dir = file.toAbsolutePath().getParent();
    try {
      boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
      if (posix) {
        Files.createDirectories(
            dir,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
      } else {
        Files.createDirectories(dir);
      }
      Path temporary = Files.createTempFile(dir, "signing-key", ".tmp");
      if (posix) {
        Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
      }
      Files.writeString(
          temporary, KeyRing.generate().signingKey().toJSONString(), StandardCharsets.US_ASCII);
      // Atomic: a node killed while writing leaves no half key; two starting at once keep one.
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot create the signing key " + file + " (BLUEMARBLE_DATA_DIR): " + e.getMessage(), e);
    }
  }

  /**
   * Builds the ring the settings describe.
   *
   * @throws IllegalArgumentException naming the file when it is missing, unreadable or holds no
   *     P-256 key of the needed kind
   */
  public static KeyRing load(Settings settings) {
    if (settings.signingKey().isEmpty()) {
      return KeyRing.generate();
    }
    ECKey current = read(settings.signingKey().get(), true);
    List<ECKey> previous = new ArrayList<>();
    for (Path path : settings.previousPublicKeys()) {
      previous.add(read(path, false));
    }
    return KeyRing.of(current, previous);
  }

  static ECKey read(Path path, boolean needPrivate) {
    String text;
    try {
      text = Files.readString(path, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read key file " + path + ": " + e.getMessage(), e);
    }
    ECKey key =
        text.stripLeading().startsWith("{")
            ? fromJwk(path, text)
            : fromPem(path, text, needPrivate);
    if (!Curve.P_256.equals(key.getCurve())) {
      throw new IllegalArgumentException(
          "key file " + path + " holds a " + key.getCurve() + " key, need P-256");
    }
    if (needPrivate && !key.isPrivate()) {
      throw new IllegalArgumentException(
          "key file " + path + " holds no private key, need one to sign");
    }
    return key;
  }

  private static ECKey fromJwk(Path path, String json) {
    try {
      JWK jwk = JWK.parse(json);
      if (!(jwk instanceof ECKey ec)) {
        throw new IllegalArgumentException(
            "key file " + path + " is a " + jwk.getKeyType() + " JWK, need EC");
      }
      return ec;
    } catch (ParseException e) {
      throw new IllegalArgumentException(
          "key file " + path + " is not a valid JWK: " + e.getMessage(), e);
    }
  }

  private static ECKey fromPem(Path path, String pem, boolean needPrivate) {
    ECPublicKey publicKey =
        Pem.ecPublicKey(pem)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "key file " + path + " has no PEM PUBLIC KEY block"));
    ECKey.Builder builder = new ECKey.Builder(Curve.P_256, publicKey);
    if (needPrivate) {
      ECPrivateKey privateKey =
          Pem.ecPrivateKey(pem)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "key file " + path + " has no PEM PRIVATE KEY block"));
      builder.privateKey(privateKey);
    }
    return builder.build();
  }
}
