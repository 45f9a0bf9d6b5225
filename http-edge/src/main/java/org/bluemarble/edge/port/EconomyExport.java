package org.bluemarble.edge.port;

import java.util.List;

/**
 * An account's part of the economy, for its GDPR export: the wallet (balances, items, the last
 * ledger lines) of the account bank and of each character, the listings they made, their orders,
 * the purchases and sales they took part in, and the direct trades named in their ledger lines.
 */
public record EconomyExport(
    List<MarketPort.WalletInfo> wallets,
    List<MarketPort.ListingInfo> listings,
    List<ExchangePort.OrderInfo> orders,
    List<MarketPort.SaleInfo> transactions,
    List<MarketPort.TradeInfo> trades) {

  /** What an account without any economy exports. */
  public static final EconomyExport EMPTY =
      new EconomyExport(List.of(), List.of(), List.of(), List.of(), List.of());

  public EconomyExport {
    wallets = List.copyOf(wallets);
    listings = List.copyOf(listings);
    orders = List.copyOf(orders);
    transactions = List.copyOf(transactions);
    trades = List.copyOf(trades);
  }
}
