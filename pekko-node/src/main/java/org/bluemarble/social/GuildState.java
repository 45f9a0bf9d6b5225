package org.bluemarble.social;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bluemarble.market.inventory.ItemStack;
import org.bluemarble.node.CborSerializable;

/**
 * A guild's state and its decisions, as plain Java: {@link #decide} turns a command into events or
 * a refusal (the rules of {@link GuildRules}), {@link #apply} folds an event. {@code tag} is null
 * until the guild is founded; {@code moves} are the bank moves under way ({@link GuildBank}), by
 * move id; {@code withdrawn} is what each player withdrew from the bank on the UTC day of its
 * latest withdrawal ({@link GuildBankLimits}), kept only for the latest day any withdrawal started
 * on.
 */
public record GuildState(
    String tag,
    String name,
    Map<String, GuildRank> members,
    Set<String> invited,
    String motd,
    Map<String, GuildBank.Move> moves,
    Map<String, GuildBankLimits.Tally> withdrawn)
    implements CborSerializable {

  public static final GuildState EMPTY =
      new GuildState(null, null, Map.of(), Set.of(), "", Map.of(), Map.of());

  public GuildState {
    members = Map.copyOf(members);
    invited = Set.copyOf(invited);
    motd = motd == null ? "" : motd;
    moves = moves == null ? Map.of() : Map.copyOf(moves); // null in snapshots before the bank
    withdrawn = withdrawn == null ? Map.of() : Map.copyOf(withdrawn); // null before the limits
  }

  /** What {@code playerId} withdrew on UTC day {@code day}, the moves under way included. */
  public GuildBankLimits.Tally withdrawnOn(String playerId, long day) {
    return withdrawn.getOrDefault(playerId, GuildBankLimits.Tally.NONE).on(day);
  }

  /** Events to persist, or why not (then no events). */
  /**
   * Events to persist, or why not (then no events); {@code reason} names a refusal clients branch
   * on ({@link GuildBankLimits#DAILY_LIMIT}), empty for the others.
   */
  public record Decision(List<Guild.Event> events, String refusal, String reason) {
    static Decision refuse(String why) {
      return new Decision(List.of(), why, "");
    }

    static Decision accept(Guild.Event... events) {
      return new Decision(List.of(events), null, "");
    }
  }

  /** Whether the guild was founded. */
  public boolean founded() {
    return tag != null;
  }

  /** The rank of {@code playerId}, or null when not a member. */
  public GuildRank rankOf(String playerId) {
    return members.get(playerId);
  }

  /** The reply copy of this state. */
  public Guild.Summary summary() {
    return new Guild.Summary(tag, name, members, invited, motd);
  }

  /**
   * What {@code cmd} does to the guild {@code guildTag} at {@code now}, with the default limits.
   */
  public Decision decide(String guildTag, Guild.Command cmd, Instant now) {
    return decide(guildTag, cmd, now, GuildBankLimits.DEFAULT);
  }

  /**
   * What {@code cmd} does to the guild {@code guildTag} at {@code now}; withdrawals within {@code
   * limits}.
   */
  public Decision decide(String guildTag, Guild.Command cmd, Instant now, GuildBankLimits limits) {
    if (cmd instanceof Guild.Create c) {
      if (founded()) {
        return Decision.refuse("the tag " + guildTag + " is taken");
      }
      Optional<String> bad = GuildRules.tagProblem(guildTag);
      if (bad.isPresent()) {
        return Decision.refuse(bad.get());
      }
      if (c.name() == null || c.name().isBlank() || c.name().length() > 40) {
        return Decision.refuse("name must be 1-40 characters");
      }
      if (c.leaderId() == null || c.leaderId().isBlank()) {
        return Decision.refuse("leaderId is required");
      }
      return Decision.accept(new Guild.GuildCreated(guildTag, c.name().strip(), c.leaderId(), now));
    }
    if (!founded()) {
      return Decision.refuse("no guild " + guildTag);
    }
    if (members.isEmpty()) {
      return Decision.refuse("the guild " + tag + " has disbanded");
    }
    if (cmd instanceof Guild.Invite c) {
      Optional<String> no = GuildRules.refusal(rankOf(c.by()), GuildRules.Permission.INVITE, null);
      if (no.isPresent()) {
        return Decision.refuse(no.get());
      }
      if (members.containsKey(c.playerId())) {
        return Decision.refuse(c.playerId() + " is already a member");
      }
      if (members.size() + invited.size() >= GuildRules.MAX_MEMBERS) {
        return Decision.refuse("a guild has at most " + GuildRules.MAX_MEMBERS + " members");
      }
      return Decision.accept(new Guild.MemberInvited(tag, c.playerId(), c.by()));
    }
    if (cmd instanceof Guild.Join c) {
      if (members.isEmpty()) {
        return Decision.refuse("the guild " + tag + " has disbanded");
      }
      if (!invited.contains(c.playerId())) {
        return Decision.refuse(c.playerId() + " was not invited");
      }
      if (members.size() >= GuildRules.MAX_MEMBERS) {
        return Decision.refuse("a guild has at most " + GuildRules.MAX_MEMBERS + " members");
      }
      return Decision.accept(new Guild.MemberJoined(tag, c.playerId()));
    }
    if (cmd instanceof Guild.Leave c) {
      GuildRank rank = rankOf(c.playerId());
      if (rank == null) {
        return Decision.refuse("not a member of the guild");
      }
      if (rank == GuildRank.LEADER && members.size() > 1) {
        return Decision.refuse("the leader hands leadership over before leaving");
      }
      return Decision.accept(new Guild.MemberLeft(tag, c.playerId()));
    }
    if (cmd instanceof Guild.Kick c) {
      Optional<String> no =
          GuildRules.refusal(rankOf(c.by()), GuildRules.Permission.KICK, rankOf(c.playerId()));
      return no.map(Decision::refuse)
          .orElseGet(() -> Decision.accept(new Guild.MemberKicked(tag, c.playerId(), c.by())));
    }
    if (cmd instanceof Guild.Promote c) {
      GuildRank actor = rankOf(c.by());
      GuildRank target = rankOf(c.playerId());
      Optional<String> no = GuildRules.refusal(actor, GuildRules.Permission.PROMOTE, target);
      if (no.isPresent()) {
        return Decision.refuse(no.get());
      }
      Optional<GuildRank> next = GuildRules.promoted(actor, target);
      if (next.isEmpty()) {
        return Decision.refuse(actor + " may not promote a " + target + " any further");
      }
      if (next.get() == GuildRank.LEADER) {
        return Decision.accept(
            new Guild.RankChanged(tag, c.playerId(), GuildRank.LEADER, c.by()),
            new Guild.RankChanged(tag, c.by(), GuildRank.OFFICER, c.by()));
      }
      return Decision.accept(new Guild.RankChanged(tag, c.playerId(), next.get(), c.by()));
    }
    if (cmd instanceof Guild.Demote c) {
      GuildRank target = rankOf(c.playerId());
      Optional<String> no =
          GuildRules.refusal(rankOf(c.by()), GuildRules.Permission.DEMOTE, target);
      if (no.isPresent()) {
        return Decision.refuse(no.get());
      }
      Optional<GuildRank> next = GuildRules.demoted(target);
      return next.map(r -> Decision.accept(new Guild.RankChanged(tag, c.playerId(), r, c.by())))
          .orElseGet(() -> Decision.refuse("a RECRUIT cannot be demoted"));
    }
    if (cmd instanceof Guild.SetMotd c) {
      Optional<String> no =
          GuildRules.refusal(rankOf(c.by()), GuildRules.Permission.SET_MOTD, null);
      if (no.isPresent()) {
        return Decision.refuse(no.get());
      }
      String text = c.motd() == null ? "" : c.motd().strip();
      if (text.length() > GuildRules.MAX_MOTD) {
        return Decision.refuse("motd must be at most " + GuildRules.MAX_MOTD + " characters");
      }
      return Decision.accept(new Guild.MotdSet(tag, text, c.by()));
    }
    if (cmd instanceof Guild.BankDeposit c) {
      return bankMove(
          c.by(), c.moveId(), GuildBank.Kind.DEPOSIT, c.copper(), c.items(), now, limits);
    }
    if (cmd instanceof Guild.BankWithdraw c) {
      return bankMove(
          c.by(), c.moveId(), GuildBank.Kind.WITHDRAW, c.copper(), c.items(), now, limits);
    }
    return Decision.refuse("unsupported command " + cmd.getClass().getSimpleName());
  }

  private Decision bankMove(
      String by,
      String moveId,
      GuildBank.Kind kind,
      long copper,
      List<ItemStack> items,
      Instant now,
      GuildBankLimits limits) {
    GuildRules.Permission needed =
        kind == GuildBank.Kind.DEPOSIT
            ? GuildRules.Permission.BANK_DEPOSIT
            : GuildRules.Permission.BANK_WITHDRAW;
    Optional<String> no = GuildRules.refusal(rankOf(by), needed, null);
    if (no.isPresent()) {
      return Decision.refuse(no.get());
    }
    String bad = GuildBank.amountProblem(copper, items);
    if (bad != null) {
      return Decision.refuse(bad);
    }
    if (moveId == null || moveId.isBlank() || moveId.contains(":") || moveId.length() > 64) {
      return Decision.refuse("moveId must be 1-64 characters without ':'");
    }
    if (moves.containsKey(moveId)) {
      return Decision.refuse("move " + moveId + " is under way");
    }
    if (moves.size() >= GuildBank.MAX_UNDER_WAY) {
      return Decision.refuse(
          "the bank has " + GuildBank.MAX_UNDER_WAY + " moves under way; retry shortly");
    }
    if (kind == GuildBank.Kind.WITHDRAW) {
      long day = GuildBankLimits.day(now);
      String over =
          limits.refusal(rankOf(by), withdrawnOn(by, day), copper, GuildBankLimits.units(items));
      if (over != null) {
        return new Decision(List.of(), over, GuildBankLimits.DAILY_LIMIT);
      }
    }
    return Decision.accept(new Guild.BankMoveStarted(tag, moveId, by, kind, copper, items, now));
  }

  /** This state after {@code e}. */
  public GuildState apply(Guild.Event e) {
    Map<String, GuildRank> m = new HashMap<>(members);
    Set<String> inv = new HashSet<>(invited);
    if (e instanceof Guild.GuildCreated c) {
      return new GuildState(
          c.tag(),
          c.name(),
          Map.of(c.leaderId(), GuildRank.LEADER),
          Set.of(),
          "",
          Map.of(),
          Map.of());
    } else if (e instanceof Guild.MemberInvited i) {
      inv.add(i.playerId());
    } else if (e instanceof Guild.MemberJoined j) {
      inv.remove(j.playerId());
      m.put(j.playerId(), GuildRank.RECRUIT);
    } else if (e instanceof Guild.MemberLeft l) {
      m.remove(l.playerId());
      if (m.isEmpty()) {
        inv.clear(); // the last member left: the guild is disbanded and its invitations void
      }
    } else if (e instanceof Guild.MemberKicked k) {
      m.remove(k.playerId());
    } else if (e instanceof Guild.RankChanged r) {
      m.put(r.playerId(), r.rank());
    } else if (e instanceof Guild.MotdSet s) {
      return new GuildState(tag, name, members, invited, s.motd(), moves, withdrawn);
    } else if (e instanceof Guild.BankMoveStarted b) {
      Map<String, GuildBank.Move> mv = new HashMap<>(moves);
      long day = GuildBankLimits.day(b.at());
      mv.put(
          b.moveId(),
          new GuildBank.Move(
              b.moveId(),
              b.playerId(),
              b.kind(),
              b.copper(),
              b.items(),
              GuildBank.Phase.TAKING,
              day));
      Map<String, GuildBankLimits.Tally> w = withdrawn;
      if (b.kind() == GuildBank.Kind.WITHDRAW) {
        w = new HashMap<>();
        for (var t : withdrawn.entrySet()) {
          if (t.getValue().day() >= day) {
            w.put(t.getKey(), t.getValue()); // earlier days' tallies are dropped
          }
        }
        w.put(
            b.playerId(),
            withdrawnOn(b.playerId(), day).plus(day, b.copper(), GuildBankLimits.units(b.items())));
      }
      return new GuildState(tag, name, members, invited, motd, mv, w);
    } else if (e instanceof Guild.BankMoveTaken b) {
      Map<String, GuildBank.Move> mv = new HashMap<>(moves);
      mv.computeIfPresent(b.moveId(), (k, v) -> v.given());
      return new GuildState(tag, name, members, invited, motd, mv, withdrawn);
    } else if (e instanceof Guild.BankMoveEnded b) {
      Map<String, GuildBank.Move> mv = new HashMap<>(moves);
      GuildBank.Move ended = mv.remove(b.moveId());
      Map<String, GuildBankLimits.Tally> w = withdrawn;
      if (ended != null
          && ended.kind() == GuildBank.Kind.WITHDRAW
          && !b.done()
          && withdrawn.containsKey(ended.playerId())) {
        // Refused at the take: nothing left the bank, so it does not count against the day.
        w = new HashMap<>(withdrawn);
        w.put(
            ended.playerId(),
            withdrawn
                .get(ended.playerId())
                .minus(ended.day(), ended.copper(), GuildBankLimits.units(ended.items())));
      }
      return new GuildState(tag, name, members, invited, motd, mv, w);
    }
    return new GuildState(tag, name, m, inv, motd, moves, withdrawn);
  }
}
