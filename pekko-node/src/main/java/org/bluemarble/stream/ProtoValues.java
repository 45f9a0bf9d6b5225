package org.bluemarble.stream;

import java.time.Instant;
import java.util.List;
import org.bluemarble.market.MarketError;
import org.bluemarble.market.holdings.Leg;
import org.bluemarble.market.inventory.InventoryEvent;
import org.bluemarble.market.inventory.ItemStack;
import org.bluemarble.protocol.events.v1.EventItemStack;
import org.bluemarble.protocol.events.v1.EventLeg;
import org.bluemarble.protocol.events.v1.EventPlacement;
import org.bluemarble.protocol.events.v1.EventRefusal;

/** Conversions shared by the mappings: nulls become protobuf defaults (0, "", unset message). */
final class ProtoValues {
  private ProtoValues() {}

  /** Epoch ms, 0 for null. */
  static long ms(Instant at) {
    return at == null ? 0 : at.toEpochMilli();
  }

  /** The string, "" for null (protobuf strings are never null). */
  static String str(Object value) {
    return value == null ? "" : value.toString();
  }

  static EventLeg leg(Leg leg) {
    EventLeg.Builder b =
        EventLeg.newBuilder()
            .setKey(str(leg.key()))
            .setPlayerId(str(leg.playerId()))
            .setDirection(str(leg.direction()))
            .setCopper(leg.copper())
            .setHonor(leg.honor());
    b.addAllItems(items(leg.items()));
    return b.build();
  }

  static List<EventItemStack> items(List<ItemStack> items) {
    return items.stream()
        .map(
            s ->
                EventItemStack.newBuilder().setItemId(s.itemId()).setQuantity(s.quantity()).build())
        .toList();
  }

  static List<EventPlacement> placements(List<InventoryEvent.Placement> placements) {
    return placements.stream()
        .map(
            p ->
                EventPlacement.newBuilder()
                    .setSlot(p.slot())
                    .setItemId(str(p.itemId()))
                    .setQuantity(p.quantity())
                    .build())
        .toList();
  }

  static EventRefusal refusal(MarketError error, String message) {
    return EventRefusal.newBuilder().setError(str(error)).setMessage(str(message)).build();
  }

  static IllegalArgumentException unknown(Object event) {
    return new IllegalArgumentException(
        "no stream mapping for event " + (event == null ? "null" : event.getClass().getName()));
  }
}
