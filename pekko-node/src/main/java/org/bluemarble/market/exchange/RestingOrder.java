package org.bluemarble.market.exchange;

/** Read-only view of an order waiting in the book; {@code sequence} is its time priority. */
public record RestingOrder(Order order, long sequence, long remaining) {}
