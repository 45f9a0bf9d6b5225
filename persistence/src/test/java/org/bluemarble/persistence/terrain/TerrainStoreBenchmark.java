package org.bluemarble.persistence.terrain;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.bluemarble.planet.Planet;
import org.bluemarble.planet.PlanetConfig;
import org.bluemarble.planet.PlanetGenerator;
import org.bluemarble.spatial.CellIdRange;
import org.bluemarble.spatial.GeoPosition;
import org.bluemarble.spatial.SpatialCells;
import org.bluemarble.spatial.Sphere;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Prints save, load and region-read times of an Earth-like terrain level 9 planet (1,572,864 cells)
 * on H2 (in memory and in a file) and on mongo-java-server over the wire, as wall time and as CPU
 * time of the whole process (the machine is shared, so wall time alone says little). Run from the
 * persistence module's test classpath, e.g. {@code java -Xmx2g -cp
 * "target/test-classes:target/classes:$CP" org.bluemarble.persistence.terrain.TerrainStoreBenchmark
 * [seed] [rounds] [stores]} where stores is any of {@code h2mem,h2file,mongo} (default all).
 */
public final class TerrainStoreBenchmark {

  private TerrainStoreBenchmark() {}

  /** Runs the benchmark; args: seed (default 42), rounds per store (default 3), stores. */
  public static void main(String[] args) throws Exception {
    long seed = args.length > 0 ? Long.parseLong(args[0]) : 42;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    String stores = args.length > 2 ? args[2] : "h2mem,h2file,mongo";
    long t0 = System.nanoTime();
    Planet planet = new PlanetGenerator().generate(PlanetConfig.earthLike(seed));
    System.out.printf(
        Locale.ROOT,
        "generated level %d, %,d cells in %.1f s%n",
        planet.config().terrainLevel(),
        planet.cellCount(),
        seconds(t0));
    List<CellIdRange> region =
        SpatialCells.scanRanges(
            SpatialCells.coverCap(GeoPosition.of(48.1, 11.6), 1_000_000, Sphere.EARTH, 16));

    ExecutorService executor = Executors.newFixedThreadPool(2);
    try {
      if (stores.contains("h2mem")) {
        JdbcDataSource memory = new JdbcDataSource();
        memory.setURL("jdbc:h2:mem:terrain-bench;DB_CLOSE_DELAY=-1");
        run("H2 in memory", new H2TerrainStore(memory, executor), planet, region, rounds);
      }
      if (stores.contains("h2file")) {
        Path dir = Files.createTempDirectory("terrain-bench");
        JdbcDataSource file = new JdbcDataSource();
        file.setURL("jdbc:h2:file:" + dir.resolve("terrain"));
        run("H2 file", new H2TerrainStore(file, executor), planet, region, rounds);
      }
      if (stores.contains("mongo")) {
        runMongo(planet, region, rounds);
      }
    } finally {
      executor.shutdownNow();
    }
  }

  private static void runMongo(Planet planet, List<CellIdRange> region, int rounds) {
    MongoServer server = new MongoServer(new MemoryBackend());
    InetSocketAddress address = server.bind();
    try (MongoClient client =
        MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
      MongoTerrainStore store = new MongoTerrainStore(client.getDatabase("terrain_bench"));
      run("mongo-java-server", store, planet, region, rounds);
    } finally {
      server.shutdownNow();
    }
  }

  private static void run(
      String name, TerrainStore store, Planet planet, List<CellIdRange> region, int rounds) {
    for (int round = 1; round <= rounds; round++) {
      long c0 = cpuNanos();
      long t0 = System.nanoTime();
      join(() -> store.save("bench", planet.config(), planet.samples()));
      double save = seconds(t0);
      double saveCpu = (cpuNanos() - c0) / 1e9;
      long c1 = cpuNanos();
      long t1 = System.nanoTime();
      StoredPlanet loaded = join(() -> store.load("bench")).orElseThrow();
      double load = seconds(t1);
      double loadCpu = (cpuNanos() - c1) / 1e9;
      if (!loaded.samples().sameValues(planet.samples())) {
        throw new IllegalStateException(name + ": loaded samples differ");
      }
      long t2 = System.nanoTime();
      int cells = join(() -> store.readRegion("bench", region)).size();
      double read = seconds(t2);
      System.out.printf(
          Locale.ROOT,
          "%-18s round %d: save %.2f s (cpu %.2f s), load %.2f s (cpu %.2f s),"
              + " region 1000 km cap %,d cells %.3f s%n",
          name,
          round,
          save,
          saveCpu,
          load,
          loadCpu,
          cells,
          read);
    }
  }

  private static <T> T join(Supplier<CompletionStage<T>> call) {
    return call.get().toCompletableFuture().join();
  }

  /** CPU time of every thread of this process (includes GC and the in-process servers). */
  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
