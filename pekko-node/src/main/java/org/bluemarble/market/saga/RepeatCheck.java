package org.bluemarble.market.saga;

import java.util.Optional;
import java.util.function.Predicate;
import org.bluemarble.market.MarketError;
import org.bluemarble.market.MarketException;

/**
 * Recognises a repeated keyed request. A retried request (lost answer, timeout, another node) names
 * the same listing, order or auction as the first one ({@link IdempotentIds}), so an entity that
 * already knows the id has either seen this very request before, to be answered like the first, or
 * a different request under the same key, refused with {@link MarketError#IDEMPOTENCY_KEY_REUSED}.
 * What "the same request" means is each entity's own (the body it was created from); what the
 * answer is (the outcome, or joining the operation still under way) too. One instance per kind of
 * request, e.g. {@code new RepeatCheck("order", "placed", "a different side, price or quantity")}.
 *
 * @param kind what the id names, first word of the refusal ("listing")
 * @param verb what the first request did with it ("opened")
 * @param difference how the second request differs, end of the refusal ("other terms")
 */
public record RepeatCheck(String kind, String verb, String difference) {

  /**
   * What is known under {@code id} from an earlier request, if it was the same request.
   *
   * @param earlier what the entity knows under {@code id}; empty when the id is new (or the earlier
   *     request left nothing that counts, e.g. it was rejected and may be tried again)
   * @param sameRequest whether the earlier request had the new one's body
   * @return {@code earlier}: empty for a new id, else the earlier request's record to answer from
   * @throws MarketException IDEMPOTENCY_KEY_REUSED when the earlier request was a different one
   */
  public <T> Optional<T> earlier(String id, Optional<T> earlier, Predicate<? super T> sameRequest) {
    if (earlier.isPresent() && !sameRequest.test(earlier.get())) {
      throw new MarketException(
          MarketError.IDEMPOTENCY_KEY_REUSED,
          kind
              + " "
              + id
              + " was "
              + verb
              + " by an earlier request with this idempotency key and "
              + difference);
    }
    return earlier;
  }
}
