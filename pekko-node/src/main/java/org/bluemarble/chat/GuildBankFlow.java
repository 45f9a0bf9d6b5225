package org.bluemarble.chat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.bluemarble.chat.SocialReplies.Result;
import org.bluemarble.edge.port.SocialAction;
import org.bluemarble.edge.port.SocialPush;
import org.bluemarble.market.holdings.Holdings;
import org.bluemarble.market.holdings.HoldingsView;
import org.bluemarble.market.inventory.ItemStack;
import org.bluemarble.social.Guild;
import org.bluemarble.social.GuildBank;

/**
 * The guild bank's verbs for {@link PresenceSocial}: a deposit or withdrawal is asked of the
 * player's {@link Guild} (which checks the rank and moves the legs), the bank's content is read
 * from the guild's holdings account once the guild confirms the player is a member.
 */
final class GuildBankFlow {
  private GuildBankFlow() {}

  static CompletionStage<Result> move(
      SocialAsks asks, String playerId, String tag, SocialAction a) {
    List<ItemStack> items;
    try {
      items = a.items().stream().map(i -> new ItemStack(i.itemId(), i.quantity())).toList();
    } catch (RuntimeException e) {
      return done(Result.refused(SocialPush.Reason.INVALID, e.getMessage()));
    }
    String moveId = a.moveId().isEmpty() ? null : a.moveId();
    boolean deposit = a.verb() == SocialAction.Verb.GUILD_BANK_DEPOSIT;
    return asks.inGuild(
            tag,
            r ->
                deposit
                    ? new Guild.BankDeposit(playerId, moveId, a.copper(), items, r)
                    : new Guild.BankWithdraw(playerId, moveId, a.copper(), items, r))
        .thenApply(
            rep ->
                rep instanceof Guild.BankMoved m
                    ? Result.of(
                        new SocialPush.Bank(
                            tag, m.copper(), view(m.items()), m.moveId(), m.settled()),
                        null)
                    : SocialReplies.guildResult(rep, s -> {}));
  }

  static CompletionStage<Result> info(SocialAsks asks, String playerId, String tag) {
    return asks.inGuild(tag, Guild.Get::new)
        .thenCompose(
            rep -> {
              if (!(rep instanceof Guild.Summary s)) {
                return done(SocialReplies.guildResult(rep, x -> {}));
              }
              if (!s.members().containsKey(playerId)) {
                return done(
                    Result.refused(SocialPush.Reason.NOT_PERMITTED, "not a member of the guild"));
              }
              return asks.<Holdings.Command, HoldingsView>ask(
                      Holdings.ENTITY_KEY, GuildBank.account(tag), Holdings.GetHoldings::new)
                  .thenApply(
                      h ->
                          Result.of(
                              new SocialPush.Bank(tag, h.copper(), items(h.items()), "", true),
                              null));
            });
  }

  private static List<SocialAction.Item> view(List<ItemStack> items) {
    return items.stream().map(i -> new SocialAction.Item(i.itemId(), i.quantity())).toList();
  }

  private static List<SocialAction.Item> items(Map<String, Integer> counts) {
    return counts.entrySet().stream()
        .filter(e -> e.getValue() > 0)
        .sorted(Map.Entry.comparingByKey())
        .map(e -> new SocialAction.Item(e.getKey(), e.getValue()))
        .toList();
  }

  private static CompletionStage<Result> done(Result r) {
    return CompletableFuture.completedFuture(r);
  }
}
