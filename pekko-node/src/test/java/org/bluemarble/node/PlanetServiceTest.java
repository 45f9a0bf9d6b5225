package org.bluemarble.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.typesafe.config.ConfigFactory;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.bluemarble.config.PlanetSettings;
import org.bluemarble.edge.port.PlanetPort;
import org.bluemarble.edge.port.PortException;
import org.bluemarble.persistence.terrain.H2TerrainStore;
import org.bluemarble.persistence.terrain.StoredPlanetInfo;
import org.bluemarble.planet.Planet;
import org.bluemarble.planet.PlanetConfig;
import org.bluemarble.planet.PlanetGenerator;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The planet service on a real H2 terrain store: expiry and the bounded polygon executor. */
class PlanetServiceTest {
  private static final Planet SMALL =
      new PlanetGenerator().generate(PlanetConfig.earthLike(5).withTerrainLevel(3));

  private ExecutorService blocking;
  private JdbcDataSource dataSource;
  private H2TerrainStore store;
  private PlanetService service;
  private PlanetWebhooks webhooks;

  @BeforeEach
  void openStore() {
    blocking = Executors.newFixedThreadPool(2);
    dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:planets-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    store = new H2TerrainStore(dataSource, blocking);
  }

  @AfterEach
  void close() throws Exception {
    if (service != null) {
      service.close();
    }
    if (webhooks != null) {
      webhooks.close();
    }
    try (Connection c = dataSource.getConnection()) {
      c.createStatement().execute("SHUTDOWN");
    }
    blocking.shutdownNow();
  }

  private PlanetService start(Map<String, Object> overrides) {
    PlanetSettings settings =
        PlanetSettings.fromConfig(
            ConfigFactory.parseMap(overrides).withFallback(ConfigFactory.defaultReference()));
    webhooks = new PlanetWebhooks(settings.webhooks(), Clock.systemUTC());
    service =
        new PlanetService(
            settings,
            store,
            "world",
            PlanetQuotas.inProcess(settings),
            webhooks,
            Clock.systemUTC());
    return service;
  }

  private void save(String id) {
    store.save(id, SMALL.config(), SMALL.samples()).toCompletableFuture().join();
  }

  private List<String> storedIds() {
    return store.list().toCompletableFuture().join().stream()
        .map(StoredPlanetInfo::planetId)
        .toList();
  }

  @Test
  void removesPlanetsNobodyUsesButNeverTheWorld() {
    save("world");
    save("unused");
    save("used");
    PlanetService planets = start(Map.of("bluemarble.planet.expire-after", "1500ms"));
    assertThat(planets.planet("unused").toCompletableFuture().join())
        .isInstanceOf(PlanetPort.Ready.class);

    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              // "used" is read all along; "unused" was read once.
              planets.planet("used").toCompletableFuture().join();
              return !storedIds().contains("unused");
            });
    assertThat(storedIds()).containsExactlyInAnyOrder("world", "used");
    assertThat(planets.planet("unused").toCompletableFuture().join())
        .isInstanceOf(PlanetPort.Missing.class);
    assertThat(planets.planet("world").toCompletableFuture().join())
        .isInstanceOf(PlanetPort.Ready.class);
  }

  @Test
  void buildsPolygonsOnItsOwnBoundedExecutor() throws Exception {
    save("p");
    PlanetService planets =
        start(Map.of("bluemarble.planet.polygon-threads", 1, "bluemarble.planet.polygon-queue", 1));
    planets.planet("p").toCompletableFuture().join();
    assertThat(planets.polygons("p").toCompletableFuture().join()).isNotEmpty();

    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch running = new CountDownLatch(1);
    CompletableFuture<String> first =
        planets
            .withPolygons(
                "p",
                all -> {
                  running.countDown();
                  try {
                    release.await(30, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  return Thread.currentThread().getName();
                })
            .toCompletableFuture();
    assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<Integer> queued = planets.withPolygons("p", List::size).toCompletableFuture();
    CompletableFuture<Integer> refused =
        planets.withPolygons("p", List::size).toCompletableFuture();

    assertThat(refused)
        .failsWithin(Duration.ofSeconds(10))
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .havingCause()
        .isInstanceOfSatisfying(
            PortException.class,
            e -> assertThat(e.code()).isEqualTo(PortException.Code.UNAVAILABLE));
    release.countDown();
    assertThat(first.get(30, TimeUnit.SECONDS)).startsWith("planet-polygons-");
    assertThat(queued.get(30, TimeUnit.SECONDS)).isPositive();
  }

  @Test
  void anUnknownPlanetHasNoPolygons() {
    PlanetService planets = start(Map.of());
    assertThat(planets.polygons("nope").toCompletableFuture())
        .failsWithin(Duration.ofSeconds(5))
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .havingCause()
        .isInstanceOf(PortException.class);
  }
}
