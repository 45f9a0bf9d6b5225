package org.bluemarble.planet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextProgressBarTest {

  @Test
  void drawsAProportionalBarAndEndsWithANewlineAtOneHundred() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    TextProgressBar bar =
        new TextProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), 10);
    assertThat(bar.render(GenerationStage.ADDING_DETAIL, 50))
        .startsWith("\r[#####.....]  50% adding_detail");
    bar.onProgress(GenerationStage.GENERATING_PLATES, 0);
    bar.onProgress(GenerationStage.FINALIZING, 100);
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(out).contains("[..........]   0% generating_plates");
    assertThat(out).contains("[##########] 100% finalizing").endsWith(System.lineSeparator());
  }
}
