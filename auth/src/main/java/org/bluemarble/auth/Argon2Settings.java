package org.bluemarble.auth;

/**
 * Argon2id cost parameters for {@link PasswordHasher}.
 *
 * <p>{@link #DEFAULT} is OWASP's Password Storage Cheat Sheet first recommendation: m = 19,456 KiB
 * (19 MiB), t = 2, p = 1, with a 16-byte salt and a 32-byte tag. It keeps one verification in the
 * tens of milliseconds on a small server core while making GPU guessing expensive through memory.
 * Raise memory before iterations when there is RAM to spare (OWASP lists equivalent pairs such as
 * 46 MiB/t=1, 12 MiB/t=3, 9 MiB/t=4, 7 MiB/t=5).
 *
 * @param memoryKib memory per hash in KiB, 8 * parallelism .. 4,194,304 (4 GiB)
 * @param iterations passes over memory, 1..100
 * @param parallelism lanes, 1..64
 * @param saltBytes random salt length, 16..64
 * @param hashBytes tag length, 16..64
 */
public record Argon2Settings(
    int memoryKib, int iterations, int parallelism, int saltBytes, int hashBytes) {

  /** OWASP's recommendation (see the type's Javadoc). */
  public static final Argon2Settings DEFAULT = new Argon2Settings(19_456, 2, 1, 16, 32);

  public Argon2Settings {
    check("parallelism", parallelism, 1, 64);
    check("memoryKib", memoryKib, 8 * parallelism, 4_194_304);
    check("iterations", iterations, 1, 100);
    check("saltBytes", saltBytes, 16, 64);
    check("hashBytes", hashBytes, 16, 64);
  }

  private static void check(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          "Argon2 " + name + " must be in " + min + ".." + max + ", was " + value);
    }
  }
}
