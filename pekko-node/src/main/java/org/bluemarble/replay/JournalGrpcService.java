package org.bluemarble.replay;

import io.grpc.Status;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.pekko.NotUsed;
import org.apache.pekko.grpc.GrpcServiceException;
import org.apache.pekko.grpc.javadsl.Metadata;
import org.apache.pekko.stream.javadsl.Source;
import org.bluemarble.protocol.events.v1.EventEnvelope;
import org.bluemarble.replay.grpc.EventsRequest;
import org.bluemarble.replay.grpc.JournalServicePowerApi;
import org.bluemarble.replay.grpc.StateReply;
import org.bluemarble.replay.grpc.StateRequest;
import org.bluemarble.replay.grpc.TailRequest;
import org.bluemarble.stream.Experiments;
import org.bluemarble.stream.StreamEvents;

/**
 * The gRPC {@code JournalService}: {@code Tail} polls the journal for events after the position the
 * call started at (every {@code pollInterval}) and streams those matching its filters; {@code
 * Events} and {@code State} are the CLI's reads. Every call needs an Admin access token in the
 * {@code authorization} metadata; journal work runs on the blocking executor.
 */
public final class JournalGrpcService implements JournalServicePowerApi {
  /** Events read per poll at most. */
  static final int BATCH = 500;

  private final Replay replay;
  private final JournalReader reader;
  private final Function<String, CompletionStage<Boolean>> isAdmin;
  private final Executor blocking;
  private final Duration pollInterval;
  private final Experiments experiments;

  /**
   * {@code isAdmin}: whether an access token is valid and carries the Admin role (fails or answers
   * false otherwise).
   */
  public JournalGrpcService(
      Replay replay,
      JournalReader reader,
      Function<String, CompletionStage<Boolean>> isAdmin,
      Executor blocking,
      Duration pollInterval) {
    this(replay, reader, isAdmin, blocking, pollInterval, Experiments.NONE);
  }

  /** {@code experiments}: the A/B variants put on account events, as the Kafka stream does. */
  public JournalGrpcService(
      Replay replay,
      JournalReader reader,
      Function<String, CompletionStage<Boolean>> isAdmin,
      Executor blocking,
      Duration pollInterval,
      Experiments experiments) {
    this.replay = replay;
    this.reader = reader;
    this.isAdmin = isAdmin;
    this.blocking = blocking;
    this.pollInterval = pollInterval;
    this.experiments = experiments;
  }

  @Override
  public Source<org.bluemarble.replay.grpc.JournalEvent, NotUsed> tail(
      TailRequest in, Metadata metadata) {
    Set<String> types = Set.copyOf(in.getEntityTypesList());
    Set<String> tags = Set.copyOf(in.getTagsList());
    Set<String> ids = Set.copyOf(in.getPersistenceIdsList());
    return Source.completionStage(
            authorized(metadata)
                .thenCompose(
                    ok ->
                        in.getAfterOrdering() > 0
                            ? CompletableFuture.completedFuture(in.getAfterOrdering())
                            : blocking(reader::lastOrdering)))
        .flatMapConcat(
            start -> {
              AtomicLong position = new AtomicLong(start);
              return Source.tick(Duration.ZERO, pollInterval, NotUsed.notUsed())
                  .mapAsync(1, tick -> blocking(() -> reader.after(position.get(), BATCH)))
                  .mapConcat(
                      rows -> {
                        if (!rows.isEmpty()) {
                          position.set(rows.get(rows.size() - 1).ordering());
                        }
                        return rows.stream()
                            .filter(r -> matches(r, types, tags, ids))
                            .map(r -> toProto(replay.decode(r)))
                            .toList();
                      });
            })
        .mapMaterializedValue(m -> NotUsed.notUsed());
  }

  static boolean matches(JournalRow row, Set<String> types, Set<String> tags, Set<String> ids) {
    return (types.isEmpty() || types.contains(JournalEvent.typeOf(row.persistenceId())))
        && (ids.isEmpty() || ids.contains(row.persistenceId()))
        && (tags.isEmpty() || row.tags().stream().anyMatch(tags::contains));
  }

  @Override
  public Source<org.bluemarble.replay.grpc.JournalEvent, NotUsed> events(
      EventsRequest in, Metadata metadata) {
    long from = Math.max(1, in.getFromSequenceNr());
    long to = in.getToSequenceNr() == 0 ? Long.MAX_VALUE : in.getToSequenceNr();
    CompletionStage<List<Replay.Decoded>> events =
        authorized(metadata)
            .thenCompose(ok -> work(() -> replay.decodedEvents(in.getPersistenceId(), from, to)));
    return Source.completionStage(events)
        .mapConcat(list -> list.stream().map(this::toProto).toList());
  }

  @Override
  public CompletionStage<StateReply> state(StateRequest in, Metadata metadata) {
    Instant at;
    try {
      at = in.getAtTime().isEmpty() ? null : Instant.parse(in.getAtTime());
    } catch (DateTimeParseException e) {
      return CompletableFuture.failedFuture(
          new GrpcServiceException(
              Status.INVALID_ARGUMENT.withDescription(
                  "at_time must be an ISO-8601 instant, was " + in.getAtTime())));
    }
    Long seq = in.getAtSequenceNr() == 0 ? null : in.getAtSequenceNr();
    return authorized(metadata)
        .thenCompose(ok -> work(() -> replay.state(in.getPersistenceId(), seq, at)))
        .thenApply(
            s ->
                StateReply.newBuilder()
                    .setPersistenceId(s.persistenceId())
                    .setEntityType(s.entityType())
                    .setSequenceNr(s.sequenceNr())
                    .setTimestampMillis(s.timestamp() == null ? 0 : s.timestamp().toEpochMilli())
                    .setHash(s.hash())
                    .setStateJson(replay.json().write(s.state()))
                    .build());
  }

  /**
   * The event's gRPC picture: where it is in the journal and the event stream's envelope of it (the
   * mapping the Kafka stream uses), or why there is none (unreadable, or no mapping).
   */
  org.bluemarble.replay.grpc.JournalEvent toProto(Replay.Decoded d) {
    JournalEvent e = d.shown();
    var b =
        org.bluemarble.replay.grpc.JournalEvent.newBuilder()
            .setPersistenceId(e.persistenceId())
            .setSequenceNr(e.sequenceNr())
            .setOrdering(e.ordering());
    if (d.event() == null) {
      return b.setError(e.error() == null ? "unreadable" : e.error()).build();
    }
    if (!StreamEvents.isMapped(d.event())) {
      return b.setError("no event stream mapping for " + e.eventClass()).build();
    }
    // Account events carry their account's A/B variants, as on the Kafka stream.
    Map<String, String> variants =
        "Account".equals(e.entityType()) ? experiments.assign(e.entityId()) : Map.of();
    EventEnvelope envelope =
        StreamEvents.envelope(
            e.persistenceId(),
            e.sequenceNr(),
            e.timestamp().toEpochMilli(),
            e.tags(),
            variants,
            d.event());
    return b.setEnvelope(envelope.toByteString()).build();
  }

  /** Completes when the call's token is an Admin's; fails UNAUTHENTICATED or PERMISSION_DENIED. */
  private CompletionStage<Boolean> authorized(Metadata metadata) {
    String header = metadata.getText("authorization").orElse("").trim();
    if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.substring(7).isBlank()) {
      return CompletableFuture.failedFuture(
          new GrpcServiceException(
              Status.UNAUTHENTICATED.withDescription(
                  "send metadata authorization: Bearer <admin access token>")));
    }
    return isAdmin
        .apply(header.substring(7).trim())
        .handle(
            (admin, failure) -> {
              if (failure != null) {
                throw new CompletionException(
                    new GrpcServiceException(
                        Status.UNAUTHENTICATED.withDescription(
                            "the access token was refused; log in again")));
              }
              if (!admin) {
                throw new CompletionException(
                    new GrpcServiceException(
                        Status.PERMISSION_DENIED.withDescription("the Admin role is required")));
              }
              return true;
            });
  }

  /** Replay work on the blocking executor, its refusals as gRPC statuses. */
  private <T> CompletionStage<T> work(Supplier<T> body) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return body.get();
          } catch (ReplayException e) {
            Status status =
                switch (e.kind()) {
                  case BAD_REQUEST -> Status.INVALID_ARGUMENT;
                  case NOT_FOUND -> Status.NOT_FOUND;
                  case UNAVAILABLE -> Status.UNAVAILABLE;
                };
            throw new CompletionException(
                new GrpcServiceException(status.withDescription(e.getMessage())));
          }
        },
        blocking);
  }

  /** A JDBC read on the blocking executor. */
  private <T> CompletionStage<T> blocking(Replay.Read<T> read) {
    return work(
        () -> {
          try {
            return read.run();
          } catch (java.sql.SQLException e) {
            throw new ReplayException(
                ReplayException.Kind.UNAVAILABLE,
                "the journal database did not answer (details in the log)",
                e);
          }
        });
  }
}
