package org.bluemarble.persistence.terrain.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.bluemarble.planet.PlanetSamples;
import org.junit.jupiter.api.Test;

class ChunkCodecTest {

  private static PlanetSamples randomSamples(int cells, Random random) {
    PlanetSamples s =
        new PlanetSamples(
            new float[cells],
            new float[cells],
            new float[cells],
            new byte[cells],
            new byte[cells],
            new boolean[] {true, false});
    for (int k = 0; k < cells; k++) {
      s.elevation()[k] = (float) random.nextGaussian() * 3000;
      s.temperature()[k] = (float) random.nextGaussian() * 20;
      s.precipitation()[k] = random.nextFloat() * 4000;
      s.biome()[k] = (byte) random.nextInt(15);
      s.plate()[k] = (byte) random.nextInt(50);
    }
    s.elevation()[0] = -0.0f;
    return s;
  }

  @Test
  void chunksRoundTripBitForBitAtAnyOffset() {
    Random random = new Random(11);
    PlanetSamples source = randomSamples(64, random);
    PlanetSamples target = randomSamples(64, new Random(12));
    for (int first = 0; first < 64; first += 16) {
      byte[] data = ChunkCodec.encode(source, first, 16);
      assertThat(data).hasSize(5 + 14 * 16);
      ChunkCodec.decodeInto(data, 16, target, first);
    }
    assertThat(
            target.sameValues(
                new PlanetSamples(
                    source.elevation(),
                    source.temperature(),
                    source.precipitation(),
                    source.biome(),
                    source.plate(),
                    target.continentalPlates())))
        .isTrue();
    assertThat(Float.floatToRawIntBits(target.elevation()[0]))
        .isEqualTo(Float.floatToRawIntBits(-0.0f));
  }

  @Test
  void readerSeesTheSameValuesAsTheSource() {
    PlanetSamples source = randomSamples(32, new Random(5));
    ChunkCodec.Reader reader = ChunkCodec.reader(ChunkCodec.encode(source, 8, 8), 8);
    for (int k = 0; k < 8; k++) {
      assertThat(reader.elevation(k)).isEqualTo(source.elevation()[8 + k]);
      assertThat(reader.temperature(k)).isEqualTo(source.temperature()[8 + k]);
      assertThat(reader.precipitation(k)).isEqualTo(source.precipitation()[8 + k]);
      assertThat(reader.biome(k)).isEqualTo(source.biome()[8 + k]);
      assertThat(reader.plate(k)).isEqualTo(source.plate()[8 + k]);
    }
  }

  @Test
  void rejectsBytesOfTheWrongSizeOrHeader() {
    PlanetSamples source = randomSamples(4, new Random(1));
    byte[] data = ChunkCodec.encode(source, 0, 4);
    assertThatThrownBy(() -> ChunkCodec.reader(data, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected 75");
    data[0] = 9;
    assertThatThrownBy(() -> ChunkCodec.reader(data, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("format 9");
  }
}
