package org.bluemarble.market.trade;

import org.bluemarble.market.MarketError;
import org.bluemarble.node.CborSerializable;

/** What a {@link Trade} answers: the trade after the command, or why it was refused. */
public sealed interface TradeReply extends CborSerializable {
  record TradeDone(TradeView trade) implements TradeReply {}

  record TradeRefused(MarketError error, String message) implements TradeReply {}
}
