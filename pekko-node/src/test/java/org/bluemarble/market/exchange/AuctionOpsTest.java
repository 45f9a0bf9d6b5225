package org.bluemarble.market.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How an auction house tells its escrow legs' answers apart by their keys. */
class AuctionOpsTest {
  @Test
  void aBidsEscrowKeyNamesItsBidButTheRefundOfThatEscrowDoesNot() {
    String charge = "auction:a-1:bid-charge:0f3c9a52-8d1e-4c3b-9a7e-2b5d6c7e8f90";
    assertThat(AuctionOps.bidOfCharge(charge)).contains("0f3c9a52-8d1e-4c3b-9a7e-2b5d6c7e8f90");
    // The refund's answer must reach the pending-leg branch (and be recorded as settled), not
    // the bid-charge branch, where no bid "<bidId>:refund" is found and the answer was dropped.
    assertThat(AuctionOps.bidOfCharge(charge + ":refund")).isEmpty();
    assertThat(AuctionOps.bidOfCharge("auction:a-1:bid-charge:")).isEmpty();
    assertThat(AuctionOps.bidOfCharge("auction:a-1:charge")).isEmpty();
    assertThat(AuctionOps.auctionOfCharge("auction:a-1:charge")).contains("a-1");
    assertThat(AuctionOps.auctionOfCharge(charge + ":refund")).isEmpty();
  }
}
