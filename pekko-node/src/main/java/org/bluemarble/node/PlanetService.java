package org.bluemarble.node;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.bluemarble.auth.RateLimitDecision;
import org.bluemarble.config.PlanetSettings;
import org.bluemarble.edge.port.PlanetPort;
import org.bluemarble.edge.port.PortException;
import org.bluemarble.persistence.terrain.StoredPlanetInfo;
import org.bluemarble.persistence.terrain.TerrainStore;
import org.bluemarble.planet.ClimateConfig;
import org.bluemarble.planet.GenerationStage;
import org.bluemarble.planet.InvalidPlanetConfigException;
import org.bluemarble.planet.Planet;
import org.bluemarble.planet.PlanetConfig;
import org.bluemarble.planet.PlanetGenerator;
import org.bluemarble.planet.geojson.BiomePolygon;
import org.bluemarble.planet.geojson.BiomePolygons;
import org.bluemarble.planet.geojson.PolygonTopology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs planet generations on a small pool of its own (never on the actor dispatchers: a generation
 * is seconds of CPU) with a bounded queue, tracks their progress, keeps the most recently used
 * planets in memory, builds polygons on a second bounded pool, and removes planets nobody used for
 * {@code expire-after} (except the world's).
 */
final class PlanetService implements PlanetPort, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(PlanetService.class);

  /** Rough cost of a level-9 Earth on this project's 2-core reference machine; each level is 4x. */
  private static final Duration LEVEL_9_ESTIMATE = Duration.ofSeconds(20);

  private static final int KEPT_TASKS = 200;
  private static final int KEPT_EXPIRED_IDS = 10_000;

  private final PlanetSettings settings;
  private final TerrainStore store;
  private final String worldPlanetId;
  private final PlanetQuotas quotas;
  private final PlanetWebhooks webhooks;
  private final Clock clock;
  private final Instant startedAt;
  private final ThreadPoolExecutor pool;
  private final PolygonExecutor polygonPool;
  private final ScheduledExecutorService sweeper;
  private final Map<String, Task> tasks = new LinkedHashMap<>();
  private final Map<String, Ready> planets;
  private final Map<String, CompletableFuture<List<BiomePolygon>>> polygonCache;
  private final Map<String, Instant> lastUsed = new ConcurrentHashMap<>();
  private final Set<String> expired =
      Collections.newSetFromMap(
          new LinkedHashMap<>() {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
              return size() > KEPT_EXPIRED_IDS;
            }
          });

  PlanetService(
      PlanetSettings settings,
      TerrainStore store,
      String worldPlanetId,
      PlanetQuotas quotas,
      PlanetWebhooks webhooks,
      Clock clock) {
    this.settings = settings;
    this.store = store;
    this.worldPlanetId = worldPlanetId;
    this.quotas = quotas;
    this.webhooks = webhooks;
    this.clock = clock;
    this.startedAt = clock.instant();
    this.pool =
        pool(
            "planet-generator-",
            settings.maxConcurrentGenerations(),
            Math.max(1, settings.maxQueuedGenerations()));
    this.polygonPool = new PolygonExecutor(settings.polygonThreads(), settings.polygonQueue());
    this.planets = lru(settings.maxCachedPlanets());
    this.polygonCache = lru(settings.maxCachedPlanets());
    this.sweeper =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "planet-expiry");
              t.setDaemon(true);
              return t;
            });
    long every = sweepInterval(settings.expireAfter()).toMillis();
    sweeper.scheduleWithFixedDelay(this::expireUnused, every, every, TimeUnit.MILLISECONDS);
  }

  /** How often unused planets are looked for: a quarter of the period, 100 ms to 1 min. */
  static Duration sweepInterval(Duration expireAfter) {
    long quarter = expireAfter.toMillis() / 4;
    return Duration.ofMillis(Math.max(100, Math.min(60_000, quarter)));
  }

  @Override
  public synchronized GenerationTask submit(PlanetConfig config, String owner) {
    if (config.terrainLevel() > settings.maxTerrainLevel()) {
      throw new InvalidPlanetConfigException(
          "terrainLevel",
          config.terrainLevel(),
          "must be at most " + settings.maxTerrainLevel() + " on this server");
    }
    Task task =
        new Task(
            UUID.randomUUID().toString(),
            UUID.randomUUID().toString(),
            config,
            owner,
            "generation");
    return start(task);
  }

  @Override
  public CompletionStage<GenerationTask> reclassify(
      String planetId, ClimateConfig climate, String owner) {
    return planet(planetId).thenApply(lookup -> reclassify(lookup, planetId, climate, owner));
  }

  private synchronized GenerationTask reclassify(
      Lookup lookup, String planetId, ClimateConfig climate, String owner) {
    if (lookup instanceof Generating || running(planetId)) {
      throw new PortException(
          PortException.Code.CONFLICT, "planet " + planetId + " is being generated");
    }
    if (!(lookup instanceof Ready ready)) {
      throw new PortException(PortException.Code.NOT_FOUND, "no planet " + planetId);
    }
    PlanetConfig old = ready.planet().config();
    PlanetConfig config =
        new PlanetConfig(
            old.name(),
            old.radiusMeters(),
            old.plateCount(),
            old.oceanCoverage(),
            old.seed(),
            climate,
            old.terrainLevel());
    return start(
        new Task(UUID.randomUUID().toString(), planetId, config, owner, "reclassification"));
  }

  private GenerationTask start(Task task) {
    int ahead = pool.getActiveCount() + pool.getQueue().size();
    if (settings.maxQueuedGenerations() == 0 && ahead >= settings.maxConcurrentGenerations()) {
      throw busy(task.config);
    }
    try {
      pool.execute(() -> run(task));
    } catch (RejectedExecutionException e) {
      throw busy(task.config);
    }
    task.estimate = clock.instant().plus(estimate(task.config).multipliedBy(1 + ahead));
    tasks.put(task.taskId, task);
    while (tasks.size() > KEPT_TASKS) {
      tasks.remove(tasks.keySet().iterator().next());
    }
    return task.view();
  }

  private boolean running(String planetId) {
    return tasks.values().stream()
        .anyMatch(t -> t.planetId.equals(planetId) && t.completedAt == null);
  }

  @Override
  public synchronized Optional<GenerationTask> task(String taskId) {
    return Optional.ofNullable(tasks.get(taskId)).map(Task::view);
  }

  @Override
  public CompletionStage<Lookup> planet(String planetId) {
    synchronized (this) {
      if (expired.contains(planetId)) {
        return CompletableFuture.completedFuture(new Missing());
      }
      Ready ready = planets.get(planetId);
      if (ready != null) {
        touch(planetId);
        return CompletableFuture.completedFuture(ready);
      }
      for (Task t : tasks.values()) {
        if (t.planetId.equals(planetId) && t.completedAt == null && t.kind.equals("generation")) {
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
              synchronized (this) {
                if (stored.isEmpty() || expired.contains(planetId)) {
                  return new Missing();
                }
                Ready ready =
                    new Ready(planetId, stored.get().toPlanet(), stored.get().info().createdAt());
                planets.put(planetId, ready);
                touch(planetId);
                return ready;
              }
            });
  }

  @Override
  public CompletionStage<List<BiomePolygon>> polygons(String planetId) {
    Planet planet;
    CompletableFuture<List<BiomePolygon>> future;
    synchronized (this) {
      Ready ready = expired.contains(planetId) ? null : planets.get(planetId);
      if (ready == null) {
        return CompletableFuture.failedFuture(
            new PortException(PortException.Code.NOT_FOUND, "no planet " + planetId));
      }
      touch(planetId);
      future = polygonCache.get(planetId);
      if (future != null) {
        return future;
      }
      future = new CompletableFuture<>();
      planet = ready.planet();
      CompletableFuture<List<BiomePolygon>> result = future;
      try {
        polygonPool.execute(
            () -> {
              try {
                result.complete(BiomePolygons.build(planet, polygonLevel(planet)));
              } catch (RuntimeException e) {
                result.completeExceptionally(e);
              }
            });
      } catch (RejectedExecutionException e) {
        return CompletableFuture.failedFuture(polygonsBusy());
      }
      polygonCache.put(planetId, future);
    }
    return future;
  }

  @Override
  public <T> CompletionStage<T> withPolygons(
      String planetId, Function<List<BiomePolygon>, T> work) {
    return polygons(planetId)
        .thenCompose(
            all -> {
              CompletableFuture<T> result = new CompletableFuture<>();
              try {
                polygonPool.execute(
                    () -> {
                      try {
                        result.complete(work.apply(all));
                      } catch (RuntimeException e) {
                        result.completeExceptionally(e);
                      }
                    });
              } catch (RejectedExecutionException e) {
                result.completeExceptionally(polygonsBusy());
              }
              return result;
            });
  }

  @Override
  public CompletionStage<PolygonTopology.Report> validate(String planetId) {
    int level;
    synchronized (this) {
      Ready ready = planets.get(planetId);
      if (ready == null) {
        return CompletableFuture.failedFuture(
            new PortException(PortException.Code.NOT_FOUND, "no planet " + planetId));
      }
      level = polygonLevel(ready.planet());
    }
    return withPolygons(planetId, all -> PolygonTopology.check(all, level));
  }

  /** Never finer than the samples themselves. */
  private int polygonLevel(Planet planet) {
    return Math.min(settings.polygonLevel(), planet.config().terrainLevel());
  }

  @Override
  public CompletionStage<RateLimitDecision> admit(String accountId, Metered what) {
    return quotas.admit(accountId, what);
  }

  @Override
  public Webhook registerWebhook(String owner, URI url, Set<String> events, String secret) {
    return webhooks.register(owner, url, events, secret);
  }

  private void run(Task task) {
    synchronized (this) {
      task.status = "running";
      task.startedAt = clock.instant();
    }
    event(task, PlanetWebhooks.STARTED);
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
        planets.put(task.planetId, new Ready(task.planetId, planet, clock.instant()));
        polygonCache.remove(task.planetId);
        touch(task.planetId);
        task.status = "completed";
        task.progress = 100;
        task.completedAt = clock.instant();
      }
      event(task, PlanetWebhooks.COMPLETED);
    } catch (RuntimeException | OutOfMemoryError e) {
      synchronized (this) {
        task.status = "failed";
        task.error = BlueMarbleNode.rootMessage(e);
        task.completedAt = clock.instant();
      }
      event(task, PlanetWebhooks.FAILED);
    }
  }

  private void event(Task task, String event) {
    if (task.owner == null || !task.kind.equals("generation")) {
      return;
    }
    GenerationTask view;
    Duration duration;
    synchronized (this) {
      view = task.view();
      duration =
          task.completedAt == null
              ? Duration.ZERO
              : Duration.between(task.startedAt, task.completedAt);
    }
    webhooks.publish(task.owner, event, view, duration);
  }

  /** Removes every planet not used for {@code expire-after}: from memory first, then the store. */
  private void expireUnused() {
    try {
      List<StoredPlanetInfo> stored = store.list().toCompletableFuture().join();
      Instant cutoff = clock.instant().minus(settings.expireAfter());
      for (StoredPlanetInfo info : stored) {
        String id = info.planetId();
        Instant used;
        synchronized (this) {
          used = lastUsed.getOrDefault(id, startedAt);
          if (id.equals(worldPlanetId) || running(id) || !used.isBefore(cutoff)) {
            continue;
          }
          expired.add(id);
          planets.remove(id);
          polygonCache.remove(id);
          lastUsed.remove(id);
        }
        store.delete(id).toCompletableFuture().join();
        log.info("planet {} expired (unused since {})", id, used);
      }
    } catch (RuntimeException e) {
      log.warn("looking for expired planets failed: {}", BlueMarbleNode.rootMessage(e));
    }
  }

  private void touch(String planetId) {
    lastUsed.put(planetId, clock.instant());
  }

  private PortException busy(PlanetConfig config) {
    return new PortException(
        PortException.Code.UNAVAILABLE,
        "all "
            + (settings.maxConcurrentGenerations() + settings.maxQueuedGenerations())
            + " generation slots are taken; retry later",
        estimate(config));
  }

  private PortException polygonsBusy() {
    return new PortException(
        PortException.Code.UNAVAILABLE,
        "all " + settings.polygonQueue() + " polygon job slots are taken; retry later",
        Duration.ofSeconds(10));
  }

  private static Duration estimate(PlanetConfig config) {
    double factor = Math.pow(4, config.terrainLevel() - 9);
    return Duration.ofMillis(Math.max(1_000, (long) (LEVEL_9_ESTIMATE.toMillis() * factor)));
  }

  private static ThreadPoolExecutor pool(String prefix, int threads, int queue) {
    AtomicInteger n = new AtomicInteger();
    return new ThreadPoolExecutor(
        threads,
        threads,
        0,
        TimeUnit.MILLISECONDS,
        new ArrayBlockingQueue<>(queue),
        r -> {
          Thread t = new Thread(r, prefix + n.incrementAndGet());
          t.setDaemon(true);
          t.setPriority(Thread.MIN_PRIORITY);
          return t;
        });
  }

  private static <V> Map<String, V> lru(int size) {
    return new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > size;
      }
    };
  }

  @Override
  public void close() {
    sweeper.shutdownNow();
    pool.shutdownNow();
    polygonPool.close();
  }

  /** Mutable progress of one generation; guarded by the service's lock. */
  private static final class Task {
    final String taskId;
    final String planetId;
    final PlanetConfig config;
    final String owner;
    final String kind;
    final Instant submittedAt = Instant.now();
    Instant startedAt;
    Instant estimate;
    String status = "queued";
    String stage;
    int progress;
    Instant completedAt;
    String error;

    Task(String taskId, String planetId, PlanetConfig config, String owner, String kind) {
      this.taskId = taskId;
      this.planetId = planetId;
      this.config = config;
      this.owner = owner;
      this.kind = kind;
    }

    GenerationTask view() {
      return new GenerationTask(
          taskId,
          planetId,
          status,
          stage,
          progress,
          submittedAt,
          estimate,
          completedAt,
          error,
          kind);
    }
  }
}
