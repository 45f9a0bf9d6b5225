package org.bluemarble.planet.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.bluemarble.planet.Planet;
import org.bluemarble.planet.TestPlanets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanetRendererTest {

  private static final Planet PLANET = TestPlanets.earthLike(42, 6);

  @Test
  void colorsEachPixelByTheBiomeAtItsCentre() {
    BufferedImage image = PlanetRenderer.render(PLANET, 72, 36, false);
    assertThat(image.getWidth()).isEqualTo(72);
    assertThat(image.getHeight()).isEqualTo(36);
    // Pixel (col, row) is centred at lng = -180 + (col + 0.5)·5, lat = 90 - (row + 0.5)·5.
    for (int row = 0; row < 36; row += 5) {
      for (int col = 0; col < 72; col += 7) {
        double lat = 90 - (row + 0.5) * 5;
        double lng = -180 + (col + 0.5) * 5;
        int expected = PLANET.terrainQuery().biome(lat, lng).rgb();
        assertThat(image.getRGB(col, row) & 0xFFFFFF).isEqualTo(expected);
      }
    }
  }

  @Test
  void hillshadeChangesLandButWritesAReadablePng(@TempDir Path dir) throws Exception {
    BufferedImage flat = PlanetRenderer.render(PLANET, 256, 128, false);
    BufferedImage shaded = PlanetRenderer.render(PLANET, 256, 128, true);
    int changed = 0;
    for (int y = 0; y < 128; y++) {
      for (int x = 0; x < 256; x++) {
        changed += flat.getRGB(x, y) != shaded.getRGB(x, y) ? 1 : 0;
      }
    }
    assertThat(changed).isGreaterThan(256 * 128 / 4);
    Path file = dir.resolve("out/planet.png");
    PlanetRenderer.writePng(shaded, file);
    BufferedImage read = ImageIO.read(file.toFile());
    assertThat(read.getWidth()).isEqualTo(256);
    assertThat(read.getRGB(100, 60)).isEqualTo(shaded.getRGB(100, 60));
  }

  @Test
  void writesAnExampleMapIntoTheBuildOutput() throws Exception {
    // A picture to look at after `mvn test`: spatial/target/planet-example-seed42.png.
    Path file = Path.of("target", "planet-example-seed42.png");
    PlanetRenderer.writePng(PlanetRenderer.render(PLANET, 1024, 512, true), file);
    assertThat(ImageIO.read(file.toFile()).getHeight()).isEqualTo(512);
  }

  @Test
  void rejectsSillySizes() {
    assertThatThrownBy(() -> PlanetRenderer.render(PLANET, 0, 10, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("width 0");
  }
}
