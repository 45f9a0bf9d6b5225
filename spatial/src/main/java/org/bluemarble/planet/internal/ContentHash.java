package org.bluemarble.planet.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.bluemarble.planet.PlanetConfig;

/**
 * SHA-256 over a planet's canonical bytes: a format tag, the config fields, then every cell in id
 * order (elevation, temperature, precipitation as IEEE float bits, biome and plate bytes), all big
 * endian. Two planets hash equal exactly when they are identical.
 */
public final class ContentHash {

  private static final String FORMAT = "bluemarble-planet-v1";

  private ContentHash() {}

  /** Lower-case hex SHA-256 of the planet's canonical bytes. */
  public static String of(
      PlanetConfig config,
      float[] elevation,
      float[] temperature,
      float[] precipitation,
      byte[] biome,
      byte[] plate) {
    MessageDigest sha = sha256();
    sha.update(FORMAT.getBytes(StandardCharsets.UTF_8));
    byte[] name = config.name().getBytes(StandardCharsets.UTF_8);
    ByteBuffer head = ByteBuffer.allocate(80 + name.length);
    head.putInt(name.length).put(name);
    head.putDouble(config.radiusMeters()).putInt(config.plateCount());
    head.putDouble(config.oceanCoverage()).putLong(config.seed());
    head.putDouble(config.climate().globalTemperature());
    head.putDouble(config.climate().temperatureVariation());
    head.putDouble(config.climate().precipitationBase());
    head.putDouble(config.climate().seasonalVariation());
    head.putInt(config.terrainLevel()).putInt(elevation.length);
    sha.update(head.array(), 0, head.position());
    ByteBuffer buf = ByteBuffer.allocate(14 * 4096);
    for (int k = 0; k < elevation.length; k++) {
      if (buf.remaining() < 14) {
        sha.update(buf.array(), 0, buf.position());
        buf.clear();
      }
      buf.putFloat(elevation[k]).putFloat(temperature[k]).putFloat(precipitation[k]);
      buf.put(biome[k]).put(plate[k]);
    }
    sha.update(buf.array(), 0, buf.position());
    return HexFormat.of().formatHex(sha.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM must provide SHA-256", e);
    }
  }
}
