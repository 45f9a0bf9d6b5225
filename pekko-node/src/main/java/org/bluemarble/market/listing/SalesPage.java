package org.bluemarble.market.listing;

import java.util.List;
import org.bluemarble.market.PriceSummary;
import org.bluemarble.node.CborSerializable;

/** Recent sales of a market (newest first) and, when asked for an item, its price statistics. */
public record SalesPage(List<Sale> sales, PriceSummary prices) implements CborSerializable {
  public SalesPage {
    sales = List.copyOf(sales);
  }
}
