package org.bluemarble.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Hashes and verifies passwords with Argon2id, producing PHC strings ({@code
 * $argon2id$v=19$m=..,t=..,p=..$salt$hash}) that carry their own parameters, so hashes made under
 * older settings still verify and {@link #needsRehash(String)} tells when to upgrade.
 *
 * <p>Uses password4j, a pure-Java Argon2: no native library to ship per platform or to load into
 * the JVM (a crash there takes the node down), at the price of being slower than the C reference;
 * the benchmark reports what that costs here.
 *
 * <p>When a login names an unknown account, call {@link #verifyAgainstDummy(String)}: it runs a
 * full verification with the current parameters against a hash made at start, so the response time
 * does not reveal whether the account exists.
 */
public final class PasswordHasher {
  private final Argon2Settings settings;
  private final Argon2Function function;
  private final String dummyHash;

  public PasswordHasher(Argon2Settings settings) {
    this.settings = settings;
    this.function =
        Argon2Function.getInstance(
            settings.memoryKib(),
            settings.iterations(),
            settings.parallelism(),
            settings.hashBytes(),
            Argon2.ID);
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    this.dummyHash = hash(Base64.getEncoder().encodeToString(random));
  }

  /** The parameters new hashes are made with. */
  public Argon2Settings settings() {
    return settings;
  }

  /** Hashes a password with a fresh random salt; returns a PHC string. */
  public String hash(String password) {
    requirePassword(password);
    return Password.hash(password).addRandomSalt(settings.saltBytes()).with(function).getResult();
  }

  /**
   * True when {@code password} matches {@code phcHash}. A hash that is not a readable Argon2 PHC
   * string is an error, not a mismatch: it means the stored data is broken.
   *
   * @throws IllegalArgumentException when the stored hash cannot be parsed
   */
  public boolean verify(String password, String phcHash) {
    requirePassword(password);
    Argon2Function stored = parse(phcHash);
    return stored.check(password, phcHash);
  }

  /** Costs the same as {@link #verify} with the current parameters and always returns false. */
  public boolean verifyAgainstDummy(String password) {
    // Same work as verify(): parse the stored string, then one full Argon2 evaluation.
    parse(dummyHash).check(password == null ? "" : password, dummyHash);
    return false;
  }

  /**
   * The hash {@link #verifyAgainstDummy} verifies against; tests prove it has the current
   * parameters.
   */
  String dummyHash() {
    return dummyHash;
  }

  /**
   * True when a stored hash was made with other parameters (or another Argon2 variant) than the
   * current settings.
   */
  public boolean needsRehash(String phcHash) {
    Argon2Function stored = parse(phcHash);
    return stored.getVariant() != Argon2.ID
        || stored.getMemory() != settings.memoryKib()
        || stored.getIterations() != settings.iterations()
        || stored.getParallelism() != settings.parallelism()
        || stored.getOutputLength() != settings.hashBytes()
        || saltLength(phcHash) != settings.saltBytes();
  }

  private static Argon2Function parse(String phcHash) {
    if (phcHash == null || !phcHash.startsWith("$argon2")) {
      throw new IllegalArgumentException("stored password hash is not an Argon2 PHC string");
    }
    try {
      return Argon2Function.getInstanceFromHash(phcHash);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "stored password hash is not a readable Argon2 PHC string", e);
    }
  }

  private static int saltLength(String phcHash) {
    String[] parts = phcHash.split("\\$");
    // "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
    return parts.length == 6 ? Base64.getDecoder().decode(pad(parts[4])).length : -1;
  }

  private static String pad(String unpadded) {
    return unpadded + "==".substring(0, (4 - unpadded.length() % 4) % 4);
  }

  private static void requirePassword(String password) {
    if (password == null) {
      throw new IllegalArgumentException("password must not be null");
    }
  }
}
