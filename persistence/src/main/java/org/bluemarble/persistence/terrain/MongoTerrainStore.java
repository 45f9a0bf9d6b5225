package org.bluemarble.persistence.terrain;

import static org.bluemarble.persistence.terrain.internal.MongoTerrainDocuments.CHUNK;
import static org.bluemarble.persistence.terrain.internal.MongoTerrainDocuments.DATA;
import static org.bluemarble.persistence.terrain.internal.MongoTerrainDocuments.GENERATION;
import static org.bluemarble.persistence.terrain.internal.MongoTerrainDocuments.MAX_LEAF;
import static org.bluemarble.persistence.terrain.internal.MongoTerrainDocuments.MIN_LEAF;
import static org.bluemarble.persistence.terrain.internal.MongoTerrainDocuments.PARENT;
import static org.bluemarble.persistence.terrain.internal.MongoTerrainDocuments.PLANET;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.bluemarble.persistence.terrain.internal.ChunkLayout;
import org.bluemarble.persistence.terrain.internal.MongoTerrainDocuments;
import org.bluemarble.persistence.terrain.internal.PlanetHeader;
import org.bluemarble.persistence.terrain.internal.Publishers;
import org.bluemarble.persistence.terrain.internal.RegionPlan;
import org.bluemarble.persistence.terrain.internal.SampleAssembler;
import org.bluemarble.persistence.terrain.internal.TerrainInputs;
import org.bluemarble.planet.PlanetConfig;
import org.bluemarble.planet.PlanetSamples;
import org.bluemarble.spatial.CellIdRange;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The production {@link TerrainStore} on MongoDB (reactive streams driver), in collections {@code
 * terrain_planets} and {@code terrain_chunks} (see {@link MongoTerrainDocuments}). Needs no
 * transactions: a save writes its chunks under a fresh generation id, then switches the planet
 * document to it, then removes the chunks of older generations, so readers see one save or the
 * other (a read that loses the race with the clean-up is retried once on the new save). Indexes
 * (planet, gen, parent) unique, (planet, gen, minLeaf) and (planet, gen, maxLeaf) are created on
 * first use.
 */
public final class MongoTerrainStore implements TerrainStore {

  /** Chunk documents per insertMany (about 1.8 MB at terrain level 9); batches run one by one. */
  private static final int BATCH_DOCUMENTS = 512;

  private final MongoCollection<Document> planets;
  private final MongoCollection<Document> chunks;
  private final Clock clock;
  private final AtomicReference<CompletableFuture<Void>> indexes = new AtomicReference<>();

  /** A store in {@code database}. */
  public MongoTerrainStore(MongoDatabase database) {
    this(database, Clock.systemUTC());
  }

  /** As above, with the clock that stamps {@link StoredPlanetInfo#createdAt()}. */
  public MongoTerrainStore(MongoDatabase database, Clock clock) {
    Objects.requireNonNull(database, "database");
    this.planets = database.getCollection("terrain_planets");
    this.chunks = database.getCollection("terrain_chunks");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public CompletionStage<StoredPlanetInfo> save(
      String planetId, PlanetConfig config, PlanetSamples samples) {
    TerrainInputs.requirePlanetId(planetId);
    TerrainInputs.requireSamplesFit(config, samples);
    String generation = UUID.randomUUID().toString();
    ChunkLayout layout = ChunkLayout.forTerrainLevel(config.terrainLevel());
    CompletableFuture<StoredPlanetInfo> saved =
        ensureIndexes()
            .thenCompose(done -> insertBatches(planetId, generation, layout, samples, 0))
            .thenCompose(
                done -> {
                  StoredPlanetInfo info =
                      new StoredPlanetInfo(
                          planetId,
                          config,
                          samples.contentHash(config),
                          layout.cellCount(),
                          Instant.ofEpochMilli(clock.millis()));
                  PlanetHeader header =
                      new PlanetHeader(
                          info, layout.chunkLevel(), samples.continentalPlates(), generation);
                  Document doc = MongoTerrainDocuments.planet(header);
                  return Publishers.first(
                          planets.replaceOne(
                              Filters.eq("_id", planetId), doc, new ReplaceOptions().upsert(true)))
                      .thenApply(result -> info);
                })
            .thenCompose(
                info ->
                    Publishers.first(
                            chunks.deleteMany(
                                Filters.and(
                                    Filters.eq(PLANET, planetId),
                                    Filters.ne(GENERATION, generation))))
                        .thenApply(result -> info));
    return wrap(saved, "save " + planetId);
  }

  private CompletableFuture<Void> insertBatches(
      String planetId, String generation, ChunkLayout layout, PlanetSamples samples, int from) {
    if (from >= layout.chunkCount()) {
      return CompletableFuture.completedFuture(null);
    }
    int to = Math.min(layout.chunkCount(), from + BATCH_DOCUMENTS);
    List<Document> batch = new ArrayList<>(to - from);
    for (int chunk = from; chunk < to; chunk++) {
      batch.add(MongoTerrainDocuments.chunk(planetId, generation, layout, chunk, samples));
    }
    return Publishers.first(chunks.insertMany(batch, new InsertManyOptions().ordered(false)))
        .thenCompose(result -> insertBatches(planetId, generation, layout, samples, to));
  }

  @Override
  public CompletionStage<Optional<StoredPlanet>> load(String planetId) {
    TerrainInputs.requirePlanetId(planetId);
    return wrap(
        readConsistently(planetId, header -> loadChunks(planetId, header)), "load " + planetId);
  }

  private CompletableFuture<Optional<StoredPlanet>> loadChunks(
      String planetId, Optional<PlanetHeader> header) {
    if (header.isEmpty()) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    SampleAssembler assembler = new SampleAssembler(header.get());
    Bson filter =
        Filters.and(
            Filters.eq(PLANET, planetId), Filters.eq(GENERATION, header.get().generation()));
    return Publishers.forEach(
            chunks.find(filter).projection(Projections.include(CHUNK, DATA)),
            d -> assembler.accept(d.getInteger(CHUNK), MongoTerrainDocuments.data(d)))
        .thenApply(done -> Optional.of(assembler.finish()));
  }

  @Override
  public CompletionStage<List<TerrainSample>> readRegion(
      String planetId, List<CellIdRange> ranges) {
    TerrainInputs.requirePlanetId(planetId);
    List<CellIdRange> copy = List.copyOf(TerrainInputs.requireRanges(ranges));
    return wrap(
        readConsistently(planetId, header -> readChunks(planetId, header, copy)),
        "readRegion " + planetId);
  }

  private CompletableFuture<List<TerrainSample>> readChunks(
      String planetId, Optional<PlanetHeader> header, List<CellIdRange> ranges) {
    if (header.isEmpty()) {
      return CompletableFuture.completedFuture(List.of());
    }
    RegionPlan plan = RegionPlan.of(header.get().layout(), ranges);
    if (plan.scans().isEmpty()) {
      return CompletableFuture.completedFuture(List.of());
    }
    List<Bson> scans = new ArrayList<>();
    for (RegionPlan.LeafScan scan : plan.scans()) {
      scans.add(
          Filters.and(
              Filters.gte(MIN_LEAF, scan.fromMinLeaf()),
              Filters.lte(MIN_LEAF, scan.toMinLeaf()),
              Filters.gte(MAX_LEAF, scan.fromMinLeaf())));
    }
    Bson filter =
        Filters.and(
            Filters.eq(PLANET, planetId),
            Filters.eq(GENERATION, header.get().generation()),
            scans.size() == 1 ? scans.get(0) : Filters.or(scans));
    return Publishers.toList(
            chunks
                .find(filter)
                .projection(Projections.include(CHUNK, DATA))
                .sort(Sorts.ascending(CHUNK)))
        .thenApply(
            docs -> {
              if (docs.size() != plan.chunkCount()) {
                throw new TerrainStoreException(
                    "planet "
                        + planetId
                        + ": "
                        + docs.size()
                        + " of "
                        + plan.chunkCount()
                        + " chunks of the region are stored");
              }
              List<TerrainSample> out = new ArrayList<>();
              for (Document d : docs) {
                plan.collect(d.getInteger(CHUNK), MongoTerrainDocuments.data(d), out);
              }
              return out;
            });
  }

  /**
   * Runs {@code read} against the current save; if it fails because a concurrent save replaced the
   * planet (and removed the chunks being read), runs it once more against the new save.
   */
  private <T> CompletableFuture<T> readConsistently(
      String planetId, Function<Optional<PlanetHeader>, CompletableFuture<T>> read) {
    return header(planetId)
        .thenCompose(
            first ->
                read.apply(first)
                    .handle(
                        (value, error) -> {
                          if (error == null) {
                            return CompletableFuture.completedFuture(value);
                          }
                          return header(planetId)
                              .thenCompose(
                                  now ->
                                      generationOf(now).equals(generationOf(first))
                                          ? CompletableFuture.<T>failedFuture(error)
                                          : read.apply(now));
                        })
                    .thenCompose(Function.identity()));
  }

  private static String generationOf(Optional<PlanetHeader> header) {
    return header.map(PlanetHeader::generation).orElse("");
  }

  @Override
  public CompletionStage<List<StoredPlanetInfo>> list() {
    CompletableFuture<List<StoredPlanetInfo>> all =
        Publishers.toList(planets.find().sort(Sorts.ascending("_id")))
            .thenApply(
                docs -> {
                  List<StoredPlanetInfo> out = new ArrayList<>(docs.size());
                  for (Document d : docs) {
                    out.add(MongoTerrainDocuments.header(d).info());
                  }
                  return out;
                });
    return wrap(all, "list");
  }

  @Override
  public CompletionStage<Boolean> delete(String planetId) {
    TerrainInputs.requirePlanetId(planetId);
    CompletableFuture<Boolean> deleted =
        Publishers.first(planets.deleteOne(Filters.eq("_id", planetId)))
            .thenCompose(
                result ->
                    Publishers.first(chunks.deleteMany(Filters.eq(PLANET, planetId)))
                        .thenApply(
                            ignored -> result.map(r -> r.getDeletedCount() > 0).orElse(false)));
    return wrap(deleted, "delete " + planetId);
  }

  private CompletableFuture<Optional<PlanetHeader>> header(String planetId) {
    return Publishers.first(planets.find(Filters.eq("_id", planetId)).limit(1))
        .thenApply(doc -> doc.map(MongoTerrainDocuments::header));
  }

  /** Creates the chunk indexes once; a failed attempt is retried by the next call. */
  private CompletableFuture<Void> ensureIndexes() {
    CompletableFuture<Void> current = indexes.get();
    if (current != null && !current.isCompletedExceptionally()) {
      return current;
    }
    CompletableFuture<Void> created =
        Publishers.first(
                chunks.createIndex(
                    Indexes.ascending(PLANET, GENERATION, PARENT),
                    new IndexOptions().unique(true).name("planet_gen_parent")))
            .thenCompose(
                name ->
                    Publishers.first(
                        chunks.createIndex(
                            Indexes.ascending(PLANET, GENERATION, MIN_LEAF),
                            new IndexOptions().name("planet_gen_min_leaf"))))
            .thenCompose(
                name ->
                    Publishers.first(
                        chunks.createIndex(
                            Indexes.ascending(PLANET, GENERATION, MAX_LEAF),
                            new IndexOptions().name("planet_gen_max_leaf"))))
            .thenApply(name -> null);
    indexes.compareAndSet(current, created);
    return created;
  }

  /** Completes with the result, or with a {@link TerrainStoreException} naming the operation. */
  private static <T> CompletionStage<T> wrap(CompletableFuture<T> stage, String operation) {
    return stage.handle(
        (value, error) -> {
          if (error == null) {
            return value;
          }
          Throwable cause = error instanceof CompletionException ? error.getCause() : error;
          if (cause instanceof TerrainStoreException e) {
            throw e;
          }
          throw new TerrainStoreException("terrain store: " + operation + " failed", cause);
        });
  }
}
