package org.bluemarble.names;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;
import org.bluemarble.edge.port.PlayPosition;
import org.bluemarble.edge.port.WorldAdminPort;
import org.bluemarble.node.CborSerializable;

/**
 * Where the players in the world are, for admins: each node's presences report their character's
 * latest authoritative position here (a map write per acknowledged input, no messages), and a
 * reader registered with the receptionist answers for its node, so an admin query asks every node
 * and merges the answers ({@link #page}). One per node: {@link #get}.
 */
public final class OnlinePlayers implements Extension {
  /** The key every node's reader is registered under. */
  static final ServiceKey<Command> SERVICE_KEY = ServiceKey.create(Command.class, "online-players");

  /** What a reader accepts. */
  public interface Command {}

  /** Asks for the players in the world on this node. */
  public record ListLocal(ActorRef<Local> replyTo) implements Command, CborSerializable {}

  /**
   * Asks where the players {@code playerIds} stand on this node (those whose presence runs here).
   */
  public record FindLocal(Set<String> playerIds, ActorRef<Local> replyTo)
      implements Command, CborSerializable {}

  /** The players whose presence runs on node {@code node}. */
  public record Local(String node, List<Seen> players) implements CborSerializable {}

  /** One player where it was last acknowledged, at {@code atMillis} (epoch). */
  public record Seen(
      String playerId,
      long entityId,
      String name,
      double latitudeDeg,
      double longitudeDeg,
      double altitudeMeters,
      String cellId,
      long atMillis)
      implements CborSerializable {}

  private final ActorSystem<?> system;
  private final Map<String, Entry> local = new ConcurrentHashMap<>();
  private final String node;
  private final ActorRef<Command> self;

  /**
   * One local character: who it is, and where it was last reported, kept in fields a move
   * overwrites (a move comes with every acknowledgement and snapshot, 20-40 times a second per
   * player, so it allocates nothing and takes no lock); a {@link Seen} is built when asked for.
   */
  private static final class Entry {
    private final String playerId;
    private final long entityId;
    private final String name;
    private volatile PlayPosition at;
    private volatile String cellId;
    private volatile long atMillis;

    Entry(String playerId, long entityId, String name, PlayPosition at, String cellId) {
      this.playerId = playerId;
      this.entityId = entityId;
      this.name = name;
      move(at, cellId);
    }

    void move(PlayPosition to, String cell) {
      at = to;
      if (cell != null) {
        cellId = cell;
      }
      atMillis = System.currentTimeMillis();
    }

    Seen seen() {
      PlayPosition p = at;
      return new Seen(
          playerId,
          entityId,
          name,
          p.latitudeDeg(),
          p.longitudeDeg(),
          p.altitudeMeters(),
          cellId,
          atMillis);
    }
  }

  private OnlinePlayers(ActorSystem<?> system) {
    this.system = system;
    this.node = system.address().toString();
    this.self = system.systemActorOf(reader(node, local), "online-players", Props.empty());
  }

  /** This node's registry. */
  public static OnlinePlayers get(ActorSystem<?> system) {
    return Id.INSTANCE.apply(system);
  }

  /** {@code playerId}'s character ({@code name}, entity {@code entityId}) stands at {@code at}. */
  public void seen(String playerId, long entityId, String name, PlayPosition at, String cellId) {
    local.put(playerId, new Entry(playerId, entityId, name, at, cellId));
  }

  /** {@code playerId} moved to {@code at} (ignored unless {@link #seen} before). */
  public void moved(String playerId, PlayPosition at, String cellId) {
    Entry e = local.get(playerId);
    if (e != null) {
      e.move(at, cellId);
    }
  }

  /** {@code playerId}'s presence on this node ended. */
  public void gone(String playerId) {
    local.remove(playerId);
  }

  /**
   * Where the first of {@code playerIds} that is in the world stands (the latest report when a
   * takeover shows it on two nodes), asking every node that answers within {@code timeout}; empty
   * when none of them is in the world.
   */
  public CompletionStage<java.util.Optional<Seen>> find(Set<String> playerIds, Duration timeout) {
    if (playerIds.isEmpty()) {
      return CompletableFuture.completedFuture(java.util.Optional.empty());
    }
    Set<String> wanted = Set.copyOf(playerIds);
    return AskPattern.<Receptionist.Command, Receptionist.Listing>ask(
            system.receptionist(),
            r -> Receptionist.find(SERVICE_KEY, r),
            timeout,
            system.scheduler())
        .thenCompose(
            listing -> {
              List<CompletableFuture<Local>> answers = new ArrayList<>();
              answers.add(CompletableFuture.completedFuture(findHere(node, local, wanted)));
              for (ActorRef<Command> other : others(listing)) {
                answers.add(
                    AskPattern.<Command, Local>ask(
                            other, r -> new FindLocal(wanted, r), timeout, system.scheduler())
                        .toCompletableFuture()
                        .exceptionally(e -> null));
              }
              return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                  .thenApply(
                      done ->
                          answers.stream()
                              .map(CompletableFuture::join)
                              .filter(java.util.Objects::nonNull)
                              .flatMap(l -> l.players().stream())
                              .max(java.util.Comparator.comparingLong(Seen::atMillis)));
            });
  }

  /**
   * The players in the world on every node that answers within {@code timeout}, ordered by name
   * then player id, {@code limit} of them from {@code offset}; a player seen on two nodes (during a
   * takeover) is listed once, where it was seen last.
   */
  public CompletionStage<WorldAdminPort.PositionPage> page(
      int offset, int limit, Duration timeout) {
    return AskPattern.<Receptionist.Command, Receptionist.Listing>ask(
            system.receptionist(),
            r -> Receptionist.find(SERVICE_KEY, r),
            timeout,
            system.scheduler())
        .thenCompose(
            listing -> {
              List<CompletableFuture<Local>> answers = new ArrayList<>();
              answers.add(CompletableFuture.completedFuture(listHere(node, local)));
              for (ActorRef<Command> other : others(listing)) {
                answers.add(
                    AskPattern.<Command, Local>ask(
                            other, ListLocal::new, timeout, system.scheduler())
                        .toCompletableFuture()
                        .exceptionally(e -> null));
              }
              return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                  .thenApply(done -> merge(answers, offset, limit));
            });
  }

  /**
   * The readers of the other nodes: this node answers from its own map, so a query made before its
   * reader's registration reached the receptionist (just after start) still sees this node.
   */
  private List<ActorRef<Command>> others(Receptionist.Listing listing) {
    List<ActorRef<Command>> others = new ArrayList<>();
    for (ActorRef<Command> r : listing.getServiceInstances(SERVICE_KEY)) {
      if (!r.equals(self)) {
        others.add(r);
      }
    }
    return others;
  }

  private static Local listHere(String node, Map<String, Entry> local) {
    List<Seen> all = new ArrayList<>(local.size());
    local.values().forEach(e -> all.add(e.seen()));
    return new Local(node, all);
  }

  private static Local findHere(String node, Map<String, Entry> local, Set<String> wanted) {
    List<Seen> found = new ArrayList<>();
    for (String id : wanted) {
      Entry e = local.get(id);
      if (e != null) {
        found.add(e.seen());
      }
    }
    return new Local(node, found);
  }

  static WorldAdminPort.PositionPage merge(
      List<CompletableFuture<Local>> answers, int offset, int limit) {
    Map<String, Seen> byPlayer = new java.util.HashMap<>();
    Map<String, String> nodeOf = new java.util.HashMap<>();
    int answered = 0;
    for (CompletableFuture<Local> a : answers) {
      Local l = a.join();
      if (l == null) {
        continue;
      }
      answered++;
      for (Seen s : l.players()) {
        Seen before = byPlayer.get(s.playerId());
        if (before == null || before.atMillis() < s.atMillis()) {
          byPlayer.put(s.playerId(), s);
          nodeOf.put(s.playerId(), l.node());
        }
      }
    }
    TreeMap<String, Seen> ordered = new TreeMap<>();
    byPlayer.values().forEach(s -> ordered.put(s.name() + "\u0000" + s.playerId(), s));
    List<Seen> all = new ArrayList<>(ordered.values());
    List<WorldAdminPort.PlayerPosition> players = new ArrayList<>();
    for (Seen s : all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size()))) {
      players.add(
          new WorldAdminPort.PlayerPosition(
              s.playerId(),
              Long.toUnsignedString(s.entityId()),
              s.name(),
              s.latitudeDeg(),
              s.longitudeDeg(),
              s.altitudeMeters(),
              s.cellId(),
              nodeOf.get(s.playerId()),
              java.time.Instant.ofEpochMilli(s.atMillis()).toString()));
    }
    Integer next = offset + limit < all.size() ? offset + limit : null;
    return new WorldAdminPort.PositionPage(
        all.size(), offset, limit, answers.size(), answered, players, next);
  }

  private static Behavior<Command> reader(String node, Map<String, Entry> local) {
    return Behaviors.setup(
        ctx -> {
          ctx.getSystem().receptionist().tell(Receptionist.register(SERVICE_KEY, ctx.getSelf()));
          return Behaviors.receive(Command.class)
              .onMessage(
                  ListLocal.class,
                  m -> {
                    m.replyTo().tell(listHere(node, local));
                    return Behaviors.same();
                  })
              .onMessage(
                  FindLocal.class,
                  m -> {
                    m.replyTo().tell(findHere(node, local, m.playerIds()));
                    return Behaviors.same();
                  })
              .build();
        });
  }

  private static final class Id extends ExtensionId<OnlinePlayers> {
    static final Id INSTANCE = new Id();

    @Override
    public OnlinePlayers createExtension(ActorSystem<?> system) {
      return new OnlinePlayers(system);
    }
  }
}
