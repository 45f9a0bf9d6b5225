package org.bluemarble.shred.bench;

import com.typesafe.config.ConfigFactory;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.Serializers;
import org.apache.pekko.serialization.jackson.JacksonCborSerializer;
import org.bluemarble.account.Account;
import org.bluemarble.auth.Role;
import org.bluemarble.config.PersistenceSettings;
import org.bluemarble.persistence.Databases;
import org.bluemarble.persistence.JournalSchema;
import org.bluemarble.shred.JdbcSubjectKeys;
import org.bluemarble.shred.Shredding;
import org.bluemarble.shred.ShreddingSettings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The journal serializer's cost with crypto-shredding: an {@code AccountRegistered} (three personal
 * fields) written and read by the personal serializer, key store on H2 with the key cached (the hot
 * path: no database round trip), against plain {@code jackson-cbor}; and the price of a cache miss
 * (one key read from H2).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PersonalSerializerBenchmark {
  private ActorSystem<Void> system;
  private HikariDataSource pool;
  private JdbcSubjectKeys missingCache;
  private Serializer personal;
  private Serializer plain;
  private Serialization serialization;
  private Account.AccountRegistered event;
  private byte[] personalBytes;
  private byte[] plainBytes;
  private String manifest;

  @Setup
  public void setUp() throws Exception {
    system =
        ActorSystem.create(
            Behaviors.empty(),
            "bench",
            ConfigFactory.parseResources("bluemarble/serialization.conf")
                .withFallback(ConfigFactory.defaultReference()));
    PersistenceSettings db =
        new PersistenceSettings(
            PersistenceSettings.Dialect.H2,
            "jdbc:h2:mem:shred-bench;DB_CLOSE_DELAY=-1",
            "bluemarble",
            "",
            2,
            16,
            Duration.ofSeconds(5));
    pool = Databases.pool(db, "bench", 4);
    JournalSchema.migrate(db, pool);
    ShreddingSettings settings = ShreddingSettings.fromConfig(system.settings().config());
    Shredding.get(system).install(new JdbcSubjectKeys(pool, settings, Runnable::run));
    // A cache of one entry, so that alternating between two subjects always misses.
    missingCache =
        new JdbcSubjectKeys(pool, new ShreddingSettings(1, Duration.ofHours(1)), Runnable::run);
    missingCache.forWrite("a");
    missingCache.forWrite("b");
    serialization = SerializationExtension.get(Adapter.toClassic(system));
    event =
        new Account.AccountRegistered(
            "5f0c2a8e-0b7e-4a51-9e61-2f2f3a4c5d6e",
            "Zephyrine",
            "zephyrine@example.org",
            "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2g",
            Set.of(Role.PLAYER),
            Instant.parse("2026-12-07T06:00:00Z"));
    personal = serialization.findSerializerFor(event);
    plain =
        new JacksonCborSerializer((ExtendedActorSystem) Adapter.toClassic(system), "jackson-cbor");
    personalBytes = personal.toBinary(event);
    plainBytes = plain.toBinary(event);
    manifest = Serializers.manifestFor(personal, event);
  }

  @TearDown
  public void tearDown() {
    system.terminate();
    pool.close();
  }

  @Benchmark
  public byte[] writePersonal() {
    return personal.toBinary(event);
  }

  @Benchmark
  public byte[] writePlain() {
    return plain.toBinary(event);
  }

  @Benchmark
  public Object readPersonal() {
    return serialization.deserialize(personalBytes, personal.identifier(), manifest).get();
  }

  @Benchmark
  public Object readPlain() {
    return serialization.deserialize(plainBytes, plain.identifier(), manifest).get();
  }

  private boolean flip;

  /** A key not in the cache: one primary-key read of the key table (H2 in memory). */
  @Benchmark
  public Object keyCacheMiss() {
    flip = !flip;
    return missingCache.lookup(flip ? "a" : "b");
  }
}
