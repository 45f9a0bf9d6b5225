package org.bluemarble.stream;

import static org.bluemarble.stream.ProtoValues.leg;
import static org.bluemarble.stream.ProtoValues.ms;
import static org.bluemarble.stream.ProtoValues.placements;
import static org.bluemarble.stream.ProtoValues.refusal;
import static org.bluemarble.stream.ProtoValues.str;

import java.util.List;
import org.bluemarble.market.holdings.Holdings;
import org.bluemarble.market.trade.Trade;
import org.bluemarble.market.treasury.Treasury;
import org.bluemarble.protocol.events.v1.EconomyEvent;
import org.bluemarble.protocol.events.v1.EventEnvelope;
import org.bluemarble.protocol.events.v1.HoldingsFreezeChanged;
import org.bluemarble.protocol.events.v1.HoldingsHistoryErased;
import org.bluemarble.protocol.events.v1.HoldingsItemTakenOff;
import org.bluemarble.protocol.events.v1.HoldingsItemWorn;
import org.bluemarble.protocol.events.v1.HoldingsLegApplied;
import org.bluemarble.protocol.events.v1.HoldingsLegVoided;
import org.bluemarble.protocol.events.v1.HoldingsLegsRecorded;
import org.bluemarble.protocol.events.v1.HoldingsTrustTierChanged;
import org.bluemarble.protocol.events.v1.TradeCancelled;
import org.bluemarble.protocol.events.v1.TradeEscrowsSettled;
import org.bluemarble.protocol.events.v1.TradeLegsSettled;
import org.bluemarble.protocol.events.v1.TradeOfferChanged;
import org.bluemarble.protocol.events.v1.TradeOfferConfirmed;
import org.bluemarble.protocol.events.v1.TradeOpened;
import org.bluemarble.protocol.events.v1.TreasuryMintDelivered;
import org.bluemarble.protocol.events.v1.TreasuryMintFailed;
import org.bluemarble.protocol.events.v1.TreasuryMinted;
import org.bluemarble.protocol.events.v1.TreasuryReadOnlyChanged;

/** Who owns what: players' holdings, direct trades and the treasury's mints. */
final class LedgerEventMapping implements EventMapping {
  @Override
  public Domain domain() {
    return Domain.ECONOMY;
  }

  @Override
  public List<Class<?>> eventTypes() {
    return List.of(Holdings.Event.class, Trade.Event.class, Treasury.Event.class);
  }

  @Override
  public void map(Object event, EventEnvelope.Builder into) {
    EconomyEvent.Builder b = EconomyEvent.newBuilder();
    if (event instanceof Holdings.Event e) {
      holdings(e, b);
    } else if (event instanceof Trade.Event e) {
      trade(e, b);
    } else if (event instanceof Treasury.Event e) {
      treasury(e, b);
    } else {
      throw ProtoValues.unknown(event);
    }
    into.setEconomy(b);
  }

  static HoldingsLegApplied applied(Holdings.LegApplied e) {
    HoldingsLegApplied.Builder m =
        HoldingsLegApplied.newBuilder()
            .setPlayerId(str(e.playerId()))
            .setLeg(leg(e.leg()))
            .setAtMs(ms(e.at()));
    if (e.added() != null) {
      m.addAllAdded(placements(e.added().placements()));
    }
    if (e.removed() != null) {
      m.addAllRemoved(placements(e.removed().placements()));
    }
    return m.build();
  }

  private static HoldingsLegVoided voided(Holdings.LegVoided e) {
    return HoldingsLegVoided.newBuilder()
        .setPlayerId(str(e.playerId()))
        .setKey(str(e.key()))
        .setRefusal(refusal(e.error(), e.message()))
        .setAtMs(ms(e.at()))
        .build();
  }

  private static void holdings(Holdings.Event event, EconomyEvent.Builder b) {
    if (event instanceof Holdings.LegApplied e) {
      b.setLegApplied(applied(e));
    } else if (event instanceof Holdings.LegVoided e) {
      b.setLegVoided(voided(e));
    } else if (event instanceof Holdings.LegsRecorded e) {
      b.setLegsRecorded(
          HoldingsLegsRecorded.newBuilder()
              .setPlayerId(str(e.playerId()))
              .addAllApplied(e.applied().stream().map(LedgerEventMapping::applied).toList())
              .addAllVoided(e.voided().stream().map(LedgerEventMapping::voided).toList()));
    } else if (event instanceof Holdings.FreezeChanged e) {
      b.setFreezeChanged(
          HoldingsFreezeChanged.newBuilder()
              .setPlayerId(str(e.playerId()))
              .setFrozen(e.frozen())
              .setReason(str(e.reason()))
              .setAtMs(ms(e.at())));
    } else if (event instanceof Holdings.TrustTierChanged e) {
      b.setTrustTierChanged(
          HoldingsTrustTierChanged.newBuilder()
              .setPlayerId(str(e.playerId()))
              .setTier(str(e.tier()))
              .setReason(str(e.reason()))
              .setAtMs(ms(e.at())));
    } else if (event instanceof Holdings.HistoryErased e) {
      b.setHistoryErased(
          HoldingsHistoryErased.newBuilder().setPlayerId(str(e.playerId())).setAtMs(ms(e.at())));
    } else if (event instanceof Holdings.ItemWorn e) {
      b.setItemWorn(
          HoldingsItemWorn.newBuilder()
              .setPlayerId(str(e.playerId()))
              .setSlot(str(e.slot()))
              .setItemId(str(e.itemId()))
              .setBagSlot(e.fromBagSlot())
              .setAtMs(ms(e.at())));
    } else if (event instanceof Holdings.ItemTakenOff e) {
      b.setItemTakenOff(
          HoldingsItemTakenOff.newBuilder()
              .setPlayerId(str(e.playerId()))
              .setSlot(str(e.slot()))
              .setItemId(str(e.itemId()))
              .setBagSlot(e.toBagSlot())
              .setAtMs(ms(e.at())));
    } else {
      throw ProtoValues.unknown(event);
    }
  }

  private static void trade(Trade.Event event, EconomyEvent.Builder b) {
    if (event instanceof Trade.TradeOpened e) {
      b.setTradeOpened(
          TradeOpened.newBuilder()
              .setTradeId(str(e.tradeId()))
              .setFirst(str(e.first()))
              .setSecond(str(e.second()))
              .setAtMs(ms(e.at())));
    } else if (event instanceof Trade.OfferChanged e) {
      TradeOfferChanged.Builder m =
          TradeOfferChanged.newBuilder().setTradeId(str(e.tradeId())).setPlayer(str(e.player()));
      if (e.offer() != null) {
        m.setMoney(e.offer().money()).addAllItems(ProtoValues.items(e.offer().items()));
      }
      b.setTradeOfferChanged(m);
    } else if (event instanceof Trade.OfferConfirmed e) {
      b.setTradeOfferConfirmed(
          TradeOfferConfirmed.newBuilder()
              .setTradeId(str(e.tradeId()))
              .setPlayer(str(e.player()))
              .setVersion(e.version()));
    } else if (event instanceof Trade.TradeCancelled e) {
      b.setTradeCancelled(
          TradeCancelled.newBuilder().setTradeId(str(e.tradeId())).setPlayer(str(e.player())));
    } else if (event instanceof Trade.EscrowsSettled e) {
      TradeEscrowsSettled.Builder m =
          TradeEscrowsSettled.newBuilder()
              .setTradeId(str(e.tradeId()))
              .addAllTaken(e.taken())
              .setRefusedKey(str(e.refusedKey()));
      if (e.refusedKey() != null) {
        m.setRefusal(refusal(e.error(), e.message()));
      }
      b.setTradeEscrowsSettled(m);
    } else if (event instanceof Trade.LegsSettled e) {
      b.setTradeLegsSettled(
          TradeLegsSettled.newBuilder().setTradeId(str(e.tradeId())).addAllKeys(e.keys()));
    } else {
      throw ProtoValues.unknown(event);
    }
  }

  private static void treasury(Treasury.Event event, EconomyEvent.Builder b) {
    if (event instanceof Treasury.Minted e) {
      b.setTreasuryMinted(
          TreasuryMinted.newBuilder()
              .setKey(str(e.key()))
              .setLeg(leg(e.leg()))
              .setReason(str(e.reason()))
              .setAtMs(ms(e.at())));
    } else if (event instanceof Treasury.MintDelivered e) {
      b.setTreasuryMintDelivered(TreasuryMintDelivered.newBuilder().setKey(str(e.key())));
    } else if (event instanceof Treasury.MintFailed e) {
      b.setTreasuryMintFailed(
          TreasuryMintFailed.newBuilder().setKey(str(e.key())).setReason(str(e.reason())));
    } else if (event instanceof Treasury.ReadOnlyChanged e) {
      b.setTreasuryReadOnlyChanged(
          TreasuryReadOnlyChanged.newBuilder()
              .setReadOnly(e.readOnly())
              .setReason(str(e.reason()))
              .setAtMs(ms(e.at())));
    } else {
      throw ProtoValues.unknown(event);
    }
  }
}
