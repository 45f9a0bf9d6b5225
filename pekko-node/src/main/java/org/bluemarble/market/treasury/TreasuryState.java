package org.bluemarble.market.treasury;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bluemarble.market.Money;
import org.bluemarble.market.holdings.Leg;

/** The {@link Treasury}'s mutable books; never leave the actor (status replies are copies). */
public final class TreasuryState {
  private final Set<String> keys = new HashSet<>();
  private final Map<String, Leg> pending = new LinkedHashMap<>();
  private final Map<String, Long> items = new TreeMap<>();
  private final Map<String, String> failed = new HashMap<>();
  private long copper;
  private long honor;
  private boolean readOnly;
  private String reason = "";

  TreasuryState minted(Treasury.Minted e) {
    keys.add(e.key());
    pending.put(e.leg().key(), e.leg());
    copper += e.leg().copper();
    honor += e.leg().honor();
    e.leg().items().forEach(s -> items.merge(s.itemId(), (long) s.quantity(), Long::sum));
    return this;
  }

  TreasuryState delivered(Treasury.MintDelivered e) {
    pending.remove(e.key());
    return this;
  }

  TreasuryState failed(Treasury.MintFailed e) {
    Leg leg = pending.remove(e.key());
    if (leg != null) {
      failed.put(e.key(), e.reason());
      copper -= leg.copper();
      honor -= leg.honor();
      leg.items().forEach(s -> items.merge(s.itemId(), (long) -s.quantity(), Long::sum));
      items.values().removeIf(n -> n == 0);
    }
    return this;
  }

  TreasuryState readOnlyChanged(Treasury.ReadOnlyChanged e) {
    readOnly = e.readOnly();
    reason = e.reason() == null ? "" : e.reason();
    return this;
  }

  boolean hasKey(String key) {
    return keys.contains(key);
  }

  /** Why the delivery of {@code legKey} failed; null when it did not. */
  String refusal(String legKey) {
    return failed.get(legKey);
  }

  Iterable<Leg> pendingLegs() {
    return pending.values();
  }

  boolean readOnly() {
    return readOnly;
  }

  String reason() {
    return reason;
  }

  boolean isPending(String legKey) {
    return pending.containsKey(legKey);
  }

  /** The answer to a mint request for {@code key}, which this state already settled. */
  Treasury.MintReply answer(String key) {
    return new Treasury.MintReply(key, false, failed.get("mint:" + key));
  }

  /** The immutable form stored in the snapshot store. */
  TreasurySnapshot snapshot() {
    return new TreasurySnapshot(
        List.copyOf(keys),
        List.copyOf(pending.values()),
        Map.copyOf(items),
        Map.copyOf(failed),
        copper,
        honor,
        readOnly,
        reason);
  }

  static TreasuryState restore(TreasurySnapshot s) {
    TreasuryState state = new TreasuryState();
    state.keys.addAll(s.keys());
    s.pending().forEach(leg -> state.pending.put(leg.key(), leg));
    state.items.putAll(s.items());
    state.failed.putAll(s.failed());
    state.copper = s.copper();
    state.honor = s.honor();
    state.readOnly = s.readOnly();
    state.reason = s.reason() == null ? "" : s.reason();
    return state;
  }

  /**
   * Why minting {@code copper} and {@code honor} on top of what is minted and {@code
   * batchCopper}/{@code batchHonor} still unpersisted would pass {@link Money#MAX_AMOUNT}; null
   * when it would not.
   */
  String overflow(long copper, long honor, long batchCopper, long batchHonor) {
    if (copper > Money.MAX_AMOUNT - this.copper - batchCopper) {
      return "minting "
          + copper
          + " copper would take the minted total past "
          + Money.MAX_AMOUNT
          + " (MAX_AMOUNT)";
    }
    if (honor > Money.MAX_AMOUNT - this.honor - batchHonor) {
      return "minting " + honor + " honor would take the minted total past " + Money.MAX_AMOUNT;
    }
    return null;
  }

  TreasuryStatus status() {
    long undelivered = pending.values().stream().mapToLong(Leg::copper).sum();
    return new TreasuryStatus(copper, honor, items, undelivered, pending.size(), readOnly, reason);
  }
}
