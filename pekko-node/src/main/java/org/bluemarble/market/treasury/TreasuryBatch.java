package org.bluemarble.market.treasury;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.bluemarble.market.holdings.Leg;
import org.bluemarble.market.holdings.LegReply;

/**
 * What the {@link Treasury} gathers between two journal writes (group commit): new mints, and the
 * holdings' answers to delivered ones. A mint is answered only after its delivery is persisted;
 * losing the batch in a crash loses only unanswered requests (the client retries under the same
 * key) and answers the holdings give again. Mutable, owned by the actor.
 */
final class TreasuryBatch {
  /** The events of one flush, the new legs to post and whom to answer with what. */
  record Flush(
      List<Treasury.Event> events, List<Leg> legs, List<Answer> answers, List<Answer> repeats) {}

  /** A reply owed: {@code key} is the mint key, {@code replyTo} null when nobody waits. */
  record Answer(String key, ActorRef<Treasury.MintReply> replyTo) {}

  private final Map<String, Treasury.Minted> minting = new LinkedHashMap<>();
  private final Map<String, LegReply> answered = new LinkedHashMap<>();
  private final Map<String, ActorRef<Treasury.MintReply>> waiting = new HashMap<>();
  private final List<Answer> repeats = new ArrayList<>();

  /** Copper of the mints gathered and not yet persisted. */
  long mintingCopper() {
    return minting.values().stream().mapToLong(m -> m.leg().copper()).sum();
  }

  /** Honor of the mints gathered and not yet persisted. */
  long mintingHonor() {
    return minting.values().stream().mapToLong(m -> m.leg().honor()).sum();
  }

  boolean isMinting(String key) {
    return minting.containsKey(key);
  }

  void mint(Treasury.Minted minted, ActorRef<Treasury.MintReply> replyTo) {
    minting.put(minted.key(), minted);
    waiting.put(minted.leg().key(), replyTo);
  }

  /** A request for a key already in this batch: answered as a repeat after the flush. */
  void repeat(String key, ActorRef<Treasury.MintReply> replyTo) {
    repeats.add(new Answer(key, replyTo));
  }

  void answered(String legKey, LegReply reply) {
    answered.put(legKey, reply);
  }

  /** Whether anything waits for the next flush. */
  boolean isEmpty() {
    return minting.isEmpty() && answered.isEmpty() && repeats.isEmpty();
  }

  Flush drain(TreasuryState state) {
    List<Treasury.Event> events = new ArrayList<>(minting.values());
    List<Leg> legs = minting.values().stream().map(Treasury.Minted::leg).toList();
    minting.clear();
    List<Answer> answers = new ArrayList<>();
    answered.forEach(
        (legKey, reply) -> {
          if (!state.isPending(legKey)) {
            return;
          }
          events.add(
              reply instanceof LegReply.LegRefused r
                  ? new Treasury.MintFailed(legKey, r.error() + ": " + r.message())
                  : new Treasury.MintDelivered(legKey));
          answers.add(new Answer(legKey, waiting.remove(legKey)));
        });
    answered.clear();
    List<Answer> again = List.copyOf(repeats);
    repeats.clear();
    return new Flush(events, legs, answers, again);
  }
}
