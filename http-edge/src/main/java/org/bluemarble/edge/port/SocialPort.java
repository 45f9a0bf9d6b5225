package org.bluemarble.edge.port;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Social actions outside the world, for web and mobile clients ({@code /v1/social/...}): the same
 * {@link SocialAction}s a player sends in the world, carried out for one of the caller's
 * characters. Unlike in the world, the character's friends are not told it came online.
 */
public interface SocialPort {

  /**
   * Carries out {@code action} for {@code playerId}; completes with {@link SocialPush.Answer} or
   * {@link SocialPush.Refused} (correlation id 0).
   */
  CompletionStage<SocialPush> act(String playerId, SocialAction action);

  /** A game without social features: every action fails with UNAVAILABLE (503). */
  SocialPort UNAVAILABLE =
      (playerId, action) ->
          CompletableFuture.failedFuture(
              new PortException(
                  PortException.Code.UNAVAILABLE, "this node has no social services"));
}
