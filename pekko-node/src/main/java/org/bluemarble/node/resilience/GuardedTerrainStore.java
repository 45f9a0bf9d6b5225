package org.bluemarble.node.resilience;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.bluemarble.persistence.terrain.InvalidTerrainRequestException;
import org.bluemarble.persistence.terrain.StoredPlanet;
import org.bluemarble.persistence.terrain.StoredPlanetInfo;
import org.bluemarble.persistence.terrain.TerrainSample;
import org.bluemarble.persistence.terrain.TerrainStore;
import org.bluemarble.planet.PlanetConfig;
import org.bluemarble.planet.PlanetSamples;
import org.bluemarble.spatial.CellIdRange;

/**
 * A {@link TerrainStore} (MongoDB in production) behind a {@link CircuitBreaker}: store failures
 * and reads without an answer within {@code readDeadline} count as failures and complete with
 * {@link org.bluemarble.edge.port.PortException} UNAVAILABLE (503 on the planet API); while the
 * breaker is open every call is refused at once instead of waiting for the driver's server
 * selection. Saves have no deadline (a large planet takes its time), only the breaker. Argument
 * errors ({@link InvalidTerrainRequestException}) pass through and count for nothing.
 */
public final class GuardedTerrainStore implements TerrainStore {
  private final TerrainStore delegate;
  private final CircuitBreaker breaker;
  private final Duration readDeadline;

  public GuardedTerrainStore(TerrainStore delegate, CircuitBreaker breaker, Duration readDeadline) {
    this.delegate = delegate;
    this.breaker = breaker;
    this.readDeadline = readDeadline;
  }

  public CircuitBreaker breaker() {
    return breaker;
  }

  @Override
  public CompletionStage<StoredPlanetInfo> save(
      String planetId, PlanetConfig config, PlanetSamples samples) {
    return breaker.callAsync(
        () -> delegate.save(planetId, config, samples), GuardedTerrainStore::outage, Duration.ZERO);
  }

  @Override
  public CompletionStage<Optional<StoredPlanet>> load(String planetId) {
    return breaker.callAsync(
        () -> delegate.load(planetId), GuardedTerrainStore::outage, readDeadline);
  }

  @Override
  public CompletionStage<List<TerrainSample>> readRegion(
      String planetId, List<CellIdRange> ranges) {
    return breaker.callAsync(
        () -> delegate.readRegion(planetId, ranges), GuardedTerrainStore::outage, readDeadline);
  }

  @Override
  public CompletionStage<List<StoredPlanetInfo>> list() {
    return breaker.callAsync(delegate::list, GuardedTerrainStore::outage, readDeadline);
  }

  @Override
  public CompletionStage<Boolean> delete(String planetId) {
    return breaker.callAsync(
        () -> delegate.delete(planetId), GuardedTerrainStore::outage, readDeadline);
  }

  private static boolean outage(Throwable t) {
    return !(t instanceof InvalidTerrainRequestException);
  }
}
