package org.bluemarble.node;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bluemarble.config.PlanetSettings;
import org.bluemarble.edge.port.PlanetPort;
import org.bluemarble.edge.port.PortException;
import org.bluemarble.persistence.terrain.TerrainStore;
import org.bluemarble.planet.GenerationStage;
import org.bluemarble.planet.InvalidPlanetConfigException;
import org.bluemarble.planet.Planet;
import org.bluemarble.planet.PlanetConfig;
import org.bluemarble.planet.PlanetGenerator;
import org.bluemarble.planet.geojson.BiomePolygon;
import org.bluemarble.planet.geojson.BiomePolygons;

/**
 * Runs planet generations on a small pool of its own (never on the actor dispatchers: a generation
 * is seconds of CPU) with a bounded queue, tracks their progress, and keeps the most recently used
 * planets in memory.
 */
final class PlanetService implements PlanetPort, AutoCloseable {
  /** Rough cost of a level-9 Earth on this project's 2-core reference machine; each level is 4x. */
  private static final Duration LEVEL_9_ESTIMATE = Duration.ofSeconds(20);

  private static final int KEPT_TASKS = 200;

  private final PlanetSettings settings;
  private final TerrainStore store;
  private final ThreadPoolExecutor pool;
  private final Map<String, Task> tasks = new LinkedHashMap<>();
  private final Map<String, Ready> planets;
  private final Map<String, CompletableFuture<List<BiomePolygon>>> polygonCache;

  PlanetService(PlanetSettings settings, TerrainStore store) {
    this.settings = settings;
    this.store = store;
    AtomicInteger n = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            settings.maxConcurrentGenerations(),
            settings.maxConcurrentGenerations(),
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(Math.max(1, settings.maxQueuedGenerations())),
            r -> {
              Thread t = new Thread(r, "planet-generator-" + n.incrementAndGet());
              t.setDaemon(true);
              t.setPriority(Thread.MIN_PRIORITY);
              return t;
            });
    this.planets =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Ready> eldest) {
            return size() > settings.maxCachedPlanets();
          }
        };
    this.polygonCache =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(
              Map.Entry<String, CompletableFuture<List<BiomePolygon>>> eldest) {
            return size() > settings.maxCachedPlanets();
          }
        };
  }

  @Override
  public synchronized GenerationTask submit(PlanetConfig config) {
    if (config.terrainLevel() > settings.maxTerrainLevel()) {
      throw new InvalidPlanetConfigException(
          "terrainLevel",
          config.terrainLevel(),
          "must be at most " + settings.maxTerrainLevel() + " on this server");
    }
    Task task = new Task(UUID.randomUUID().toString(), UUID.randomUUID().toString(), config);
    int ahead = pool.getActiveCount() + pool.getQueue().size();
    if (settings.maxQueuedGenerations() == 0 && ahead >= settings.maxConcurrentGenerations()) {
      throw busy(config);
    }
    try {
      pool.execute(() -> run(task));
    } catch (RejectedExecutionException e) {
      throw busy(config);
    }
    task.estimate = Instant.now().plus(estimate(config).multipliedBy(1 + ahead));
    tasks.put(task.taskId, task);
    while (tasks.size() > KEPT_TASKS) {
      tasks.remove(tasks.keySet().iterator().next());
    }
    return task.view();
  }

  @Override
  public synchronized Optional<GenerationTask> task(String taskId) {
    return Optional.ofNullable(tasks.get(taskId)).map(Task::view);
  }

  @Override
  public CompletionStage<Lookup> planet(String planetId) {
    synchronized (this) {
      Ready ready = planets.get(planetId);
      if (ready != null) {
        return CompletableFuture.completedFuture(ready);
      }
      for (Task t : tasks.values()) {
        if (t.planetId.equals(planetId) && t.completedAt == null) {
          return CompletableFuture.completedFuture(new Generating(t.view()));
        }
      }
    }
    // Not in memory: generated earlier (perhaps before a restart, perhaps by another node sharing
    // the store).
    return store
        .load(planetId)
        .thenApply(
            stored -> {
              if (stored.isEmpty()) {
                return new Missing();
              }
              Ready ready =
                  new Ready(planetId, stored.get().toPlanet(), stored.get().info().createdAt());
              synchronized (this) {
                planets.put(planetId, ready);
              }
              return ready;
            });
  }

  @Override
  public CompletionStage<List<BiomePolygon>> polygons(String planetId) {
    Planet planet;
    CompletableFuture<List<BiomePolygon>> future;
    synchronized (this) {
      Ready ready = planets.get(planetId);
      if (ready == null) {
        return CompletableFuture.failedFuture(
            new PortException(PortException.Code.NOT_FOUND, "no planet " + planetId));
      }
      future = polygonCache.get(planetId);
      if (future != null) {
        return future;
      }
      future = new CompletableFuture<>();
      polygonCache.put(planetId, future);
      planet = ready.planet();
    }
    CompletableFuture<List<BiomePolygon>> result = future;
    CompletableFuture.runAsync(
        () -> {
          try {
            // Never finer than the samples themselves.
            int level = Math.min(settings.polygonLevel(), planet.config().terrainLevel());
            result.complete(BiomePolygons.build(planet, level));
          } catch (RuntimeException e) {
            result.completeExceptionally(e);
          }
        });
    return result;
  }

  private void run(Task task) {
    synchronized (this) {
      task.status = "running";
    }
    try {
      Planet planet =
          new PlanetGenerator()
              .generate(
                  task.config,
                  (GenerationStage stage, int percent) -> {
                    synchronized (this) {
                      task.stage = stage.wireName();
                      task.progress = percent;
                    }
                  });
      synchronized (this) {
        task.stage = "storing";
      }
      // Stored before it is reported complete: a completed planet survives a restart.
      store.save(task.planetId, task.config, planet.samples()).toCompletableFuture().join();
      synchronized (this) {
        planets.put(task.planetId, new Ready(task.planetId, planet, Instant.now()));
        task.status = "completed";
        task.progress = 100;
        task.completedAt = Instant.now();
      }
    } catch (RuntimeException | OutOfMemoryError e) {
      synchronized (this) {
        task.status = "failed";
        task.error = BlueMarbleNode.rootMessage(e);
        task.completedAt = Instant.now();
      }
    }
  }

  private PortException busy(PlanetConfig config) {
    return new PortException(
        PortException.Code.UNAVAILABLE,
        "all "
            + (settings.maxConcurrentGenerations() + settings.maxQueuedGenerations())
            + " generation slots are taken; retry later",
        estimate(config));
  }

  private static Duration estimate(PlanetConfig config) {
    double factor = Math.pow(4, config.terrainLevel() - 9);
    return Duration.ofMillis(Math.max(1_000, (long) (LEVEL_9_ESTIMATE.toMillis() * factor)));
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }

  /** Mutable progress of one generation; guarded by the service's lock. */
  private static final class Task {
    final String taskId;
    final String planetId;
    final PlanetConfig config;
    final Instant submittedAt = Instant.now();
    Instant estimate;
    String status = "queued";
    String stage;
    int progress;
    Instant completedAt;
    String error;

    Task(String taskId, String planetId, PlanetConfig config) {
      this.taskId = taskId;
      this.planetId = planetId;
      this.config = config;
    }

    GenerationTask view() {
      return new GenerationTask(
          taskId, planetId, status, stage, progress, submittedAt, estimate, completedAt, error);
    }
  }
}
