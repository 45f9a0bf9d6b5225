package org.bluemarble.planet;

import java.io.PrintStream;

/**
 * A {@link ProgressListener} that draws a one-line text bar, e.g. {@code [#######.....] 58%
 * adding_detail}, redrawn in place with a carriage return; prints a newline at 100 %. Used by the
 * command line.
 */
public final class TextProgressBar implements ProgressListener {

  private static final int DEFAULT_WIDTH = 40;

  private final PrintStream out;
  private final int width;

  /** A bar of 40 characters writing to {@code out}. */
  public TextProgressBar(PrintStream out) {
    this(out, DEFAULT_WIDTH);
  }

  /** A bar of {@code width} characters (1..200) writing to {@code out}. */
  public TextProgressBar(PrintStream out, int width) {
    if (width < 1 || width > 200) {
      throw new IllegalArgumentException("width " + width + " is outside 1..200");
    }
    this.out = out;
    this.width = width;
  }

  @Override
  public void onProgress(GenerationStage stage, int percent) {
    out.print(render(stage, percent));
    if (percent >= 100) {
      out.println();
    }
    out.flush();
  }

  /** The text drawn for one update (starting with a carriage return). */
  String render(GenerationStage stage, int percent) {
    int clamped = Math.max(0, Math.min(100, percent));
    int filled = clamped * width / 100;
    StringBuilder sb = new StringBuilder(width + 40);
    sb.append('\r').append('[');
    sb.append("#".repeat(filled)).append(".".repeat(width - filled));
    sb.append("] ").append(String.format("%3d%%", clamped)).append(' ').append(stage.wireName());
    // Pad so a shorter stage name fully overwrites a longer previous one.
    sb.append(" ".repeat(Math.max(0, 20 - stage.wireName().length())));
    return sb.toString();
  }
}
