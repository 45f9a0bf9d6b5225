package org.bluemarble.market;

/** A money or item move with its idempotency key; a step of a settlement or trade saga. */
public sealed interface AssetMove permits MoneyMove, ItemMove {
  String idempotencyKey();

  /** The move that undoes this one, under {@code key}. */
  AssetMove reversed(String key);
}
