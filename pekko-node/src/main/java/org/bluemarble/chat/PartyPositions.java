package org.bluemarble.chat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.bluemarble.edge.port.SocialPush;
import org.bluemarble.node.CborSerializable;

/**
 * Party mates' positions for one node's {@link ChatHub}, on the hub's thread: each period the hub
 * reads where its players who are in a party stand ({@link Source}, kept up to date by their
 * presences) and publishes them as one {@link Batch} on the chat topic; every hub hands each of its
 * own party members the entries of its mates. One message per node per period, whatever the number
 * of parties; a player hears its mates from every node that holds some, in separate updates.
 */
final class PartyPositions {

  /** Where a player stands now, read on the hub's thread; null while not known. */
  interface Source {
    Where now();
  }

  /** A position in degrees and metres, health and its maximum (0 when not known). */
  record Where(
      double latitudeDeg, double longitudeDeg, double altitudeMeters, int health, int maxHealth) {}

  /** One party member as its node saw it at {@code atMillis} (epoch). */
  record Mate(
      String partyId,
      String playerId,
      String name,
      double latitudeDeg,
      double longitudeDeg,
      double altitudeMeters,
      int health,
      int maxHealth,
      long atMillis)
      implements CborSerializable {}

  /** The party members of one node, published on the chat topic once per period. */
  record Batch(List<Mate> mates) implements ChatHub.Wire {
    Batch {
      mates = List.copyOf(mates);
    }
  }

  /** A player of this node: its party (empty: none), name and inbox. */
  record Member(String playerId, String name, String partyId, ActorRef<ChatInbox> inbox) {}

  private final Map<String, Source> sources = new HashMap<>();

  /** {@code playerId}'s position is read from {@code source} from now on (null: forget it). */
  void track(String playerId, Source source) {
    if (source == null) {
      sources.remove(playerId);
    } else {
      sources.put(playerId, source);
    }
  }

  void untrack(String playerId) {
    sources.remove(playerId);
  }

  /** The batch of this node's party members whose position is known, or null when there is none. */
  Batch collect(Collection<Member> members, long nowMillis) {
    List<Mate> mates = new ArrayList<>();
    for (Member m : members) {
      Source source = m.partyId().isEmpty() ? null : sources.get(m.playerId());
      Where w = source == null ? null : source.now();
      if (w != null) {
        mates.add(
            new Mate(
                m.partyId(),
                m.playerId(),
                m.name(),
                w.latitudeDeg(),
                w.longitudeDeg(),
                w.altitudeMeters(),
                w.health(),
                w.maxHealth(),
                nowMillis));
      }
    }
    return mates.isEmpty() ? null : new Batch(mates);
  }

  /** Hands each party member of this node the entries of its mates in {@code batch}. */
  static void deliver(Batch batch, Collection<Member> members) {
    Map<String, List<Mate>> byParty = new HashMap<>();
    for (Mate m : batch.mates()) {
      byParty.computeIfAbsent(m.partyId(), k -> new ArrayList<>()).add(m);
    }
    for (Member member : members) {
      List<Mate> party = member.partyId().isEmpty() ? null : byParty.get(member.partyId());
      if (party == null) {
        continue;
      }
      List<SocialPush.MateState> mates = new ArrayList<>(party.size());
      for (Mate m : party) {
        if (!m.playerId().equals(member.playerId())) {
          mates.add(
              new SocialPush.MateState(
                  m.playerId(),
                  m.name(),
                  m.latitudeDeg(),
                  m.longitudeDeg(),
                  m.altitudeMeters(),
                  m.health(),
                  m.maxHealth(),
                  m.atMillis()));
        }
      }
      if (!mates.isEmpty()) {
        member
            .inbox()
            .tell(new ChatInbox.Mates(new SocialPush.PartyUpdate(member.partyId(), mates)));
      }
    }
  }
}
