package org.bluemarble.shred;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * {@code bluemarble.shredding}: the key cache of crypto-shredding.
 *
 * @param keyCacheSize the most subjects whose keys a node keeps in memory
 * @param keyCacheTtl how long a cached key (or tombstone) is trusted; bounds how long another node
 *     still encrypts and decrypts with a key erased elsewhere
 */
public record ShreddingSettings(int keyCacheSize, Duration keyCacheTtl) {
  public ShreddingSettings {
    if (keyCacheSize < 1) {
      throw new IllegalArgumentException(
          "bluemarble.shredding.key-cache-size must be at least 1, was " + keyCacheSize);
    }
    if (keyCacheTtl.isNegative() || keyCacheTtl.isZero()) {
      throw new IllegalArgumentException(
          "bluemarble.shredding.key-cache-ttl must be positive, was " + keyCacheTtl);
    }
  }

  public static ShreddingSettings fromConfig(Config config) {
    Config c = config.getConfig("bluemarble.shredding");
    return new ShreddingSettings(c.getInt("key-cache-size"), c.getDuration("key-cache-ttl"));
  }
}
