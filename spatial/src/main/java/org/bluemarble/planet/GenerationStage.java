package org.bluemarble.planet;

/**
 * Stages of {@link PlanetGenerator#generate}, in order, with the share of the total progress each
 * one covers. Wire names follow the companion API where it has one (generating_plates,
 * applying_tectonics, classifying_biomes, finalizing).
 */
public enum GenerationStage {
  GENERATING_PLATES("generating_plates", 0, 20),
  APPLYING_TECTONICS("applying_tectonics", 20, 45),
  ADDING_DETAIL("adding_detail", 45, 65),
  COMPUTING_CLIMATE("computing_climate", 65, 80),
  CLASSIFYING_BIOMES("classifying_biomes", 80, 92),
  FINALIZING("finalizing", 92, 100);

  private final String wireName;
  private final int startPercent;
  private final int endPercent;

  GenerationStage(String wireName, int startPercent, int endPercent) {
    this.wireName = wireName;
    this.startPercent = startPercent;
    this.endPercent = endPercent;
  }

  /** Name used in status responses, e.g. {@code applying_tectonics}. */
  public String wireName() {
    return wireName;
  }

  /** Overall progress in percent when this stage starts. */
  public int startPercent() {
    return startPercent;
  }

  /** Overall progress in percent when this stage ends. */
  public int endPercent() {
    return endPercent;
  }
}
