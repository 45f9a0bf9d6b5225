package org.bluemarble.zone;

/**
 * The creatures a cell can spawn, with how they react to players and how far they roam. Speeds in
 * m/s, distances in metres along the surface.
 */
public enum CreatureKind {
  RABBIT(Temperament.TIMID, 4.0, 60, 25),
  DEER(Temperament.TIMID, 6.0, 150, 40),
  WOLF(Temperament.AGGRESSIVE, 6.5, 200, 60),
  BEAR(Temperament.AGGRESSIVE, 5.0, 150, 40),
  BOAR(Temperament.AGGRESSIVE, 4.5, 100, 30),
  GOAT(Temperament.TIMID, 4.0, 120, 30),
  CAMEL(Temperament.CALM, 3.0, 200, 20),
  SCORPION(Temperament.AGGRESSIVE, 2.0, 40, 10),
  FOX(Temperament.TIMID, 5.5, 120, 35),
  CARIBOU(Temperament.TIMID, 5.0, 200, 50),
  FROG(Temperament.CALM, 1.5, 30, 8),
  PENGUIN(Temperament.CALM, 1.0, 60, 10);

  /** How a creature reacts to a player within its awareness radius. */
  public enum Temperament {
    /** Runs away from the nearest player. */
    TIMID,
    /** Walks towards the nearest player. */
    AGGRESSIVE,
    /** Ignores players and keeps wandering. */
    CALM
  }

  private final Temperament temperament;
  private final double speedMps;
  private final double homeRangeMeters;
  private final double awarenessMeters;

  CreatureKind(
      Temperament temperament, double speedMps, double homeRangeMeters, double awarenessMeters) {
    this.temperament = temperament;
    this.speedMps = speedMps;
    this.homeRangeMeters = homeRangeMeters;
    this.awarenessMeters = awarenessMeters;
  }

  /** Its reaction to players. */
  public Temperament temperament() {
    return temperament;
  }

  /** Top speed in m/s (wandering uses half). */
  public double speedMps() {
    return speedMps;
  }

  /** How far from home it wanders, in metres. */
  public double homeRangeMeters() {
    return homeRangeMeters;
  }

  /** How near a player must be for it to react, in metres. */
  public double awarenessMeters() {
    return awarenessMeters;
  }
}
