package org.bluemarble.social;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bluemarble.node.CborSerializable;

/**
 * A party's state and its decisions, as plain Java: {@link #decide} turns a command into events or
 * a refusal, {@link #apply} folds an event. The first invitation forms the party with the inviter
 * as leader; only the leader invites, kicks and hands over; a leaving leader hands over to the
 * longest member; the party disbands when its last member leaves. At most {@link #MAX_MEMBERS}
 * members, and members plus open invitations never exceed it.
 *
 * @param leader empty until formed
 * @param members in joining order, the leader included
 */
public record PartyState(String leader, List<String> members, Set<String> invited, boolean over)
    implements CborSerializable {

  /** Members a party may have (the companion facts' five). */
  public static final int MAX_MEMBERS = 5;

  public static final PartyState EMPTY = new PartyState("", List.of(), Set.of(), false);

  public PartyState {
    leader = leader == null ? "" : leader;
    members = List.copyOf(members);
    invited = Set.copyOf(invited);
  }

  /** Events to persist, or why not ({@code permission}: the refusal is about a role). */
  public record Decision(List<Party.Event> events, String refusal, boolean permission) {
    static Decision refuse(String why) {
      return new Decision(List.of(), why, false);
    }

    static Decision notLeader() {
      return new Decision(List.of(), "only the party's leader may do that", true);
    }

    static Decision accept(Party.Event... events) {
      return new Decision(List.of(events), null, false);
    }
  }

  /** Whether the party was formed (and has not disbanded). */
  public boolean formed() {
    return !leader.isEmpty() && !over;
  }

  /** What {@code cmd} does to party {@code id}. */
  public Decision decide(String id, Party.Command cmd) {
    if (over) {
      return Decision.refuse("the party has disbanded");
    }
    if (cmd instanceof Party.Invite c) {
      if (blank(c.by()) || blank(c.playerId()) || c.by().equals(c.playerId())) {
        return Decision.refuse("a player cannot invite itself");
      }
      if (!formed()) {
        return Decision.accept(
            new Party.PartyFormed(id, c.by()), new Party.PlayerInvited(id, c.playerId(), c.by()));
      }
      if (!leader.equals(c.by())) {
        return Decision.notLeader();
      }
      if (members.contains(c.playerId())) {
        return Decision.refuse(c.playerId() + " is already in the party");
      }
      if (invited.contains(c.playerId())) {
        return Decision.accept();
      }
      if (members.size() + invited.size() >= MAX_MEMBERS) {
        return Decision.refuse("a party has at most " + MAX_MEMBERS + " members");
      }
      return Decision.accept(new Party.PlayerInvited(id, c.playerId(), c.by()));
    }
    if (!formed()) {
      return Decision.refuse("no party " + id);
    }
    if (cmd instanceof Party.Accept c) {
      if (members.contains(c.playerId())) {
        return Decision.accept();
      }
      if (!invited.contains(c.playerId())) {
        return Decision.refuse("no invitation into party " + id);
      }
      if (members.size() >= MAX_MEMBERS) {
        return Decision.refuse("a party has at most " + MAX_MEMBERS + " members");
      }
      return Decision.accept(new Party.PlayerJoined(id, c.playerId()));
    }
    if (cmd instanceof Party.Leave c) {
      if (!members.contains(c.playerId())) {
        return Decision.refuse("not a member of party " + id);
      }
      return leaving(id, c.playerId(), "");
    }
    if (cmd instanceof Party.Kick c) {
      if (!leader.equals(c.by())) {
        return Decision.notLeader();
      }
      if (c.by().equals(c.playerId())) {
        return Decision.refuse("the leader leaves rather than kicks itself");
      }
      if (!members.contains(c.playerId()) && !invited.contains(c.playerId())) {
        return Decision.refuse(c.playerId() + " is not in the party");
      }
      return leaving(id, c.playerId(), c.by());
    }
    if (cmd instanceof Party.SetLeader c) {
      if (!leader.equals(c.by())) {
        return Decision.notLeader();
      }
      if (!members.contains(c.playerId())) {
        return Decision.refuse(c.playerId() + " is not a member of the party");
      }
      return Decision.accept(new Party.LeaderChanged(id, c.playerId()));
    }
    return Decision.refuse("unknown command");
  }

  private Decision leaving(String id, String playerId, String by) {
    Party.PlayerLeft left = new Party.PlayerLeft(id, playerId, by);
    List<String> rest = new ArrayList<>(members);
    rest.remove(playerId);
    if (rest.isEmpty()) {
      return Decision.accept(left, new Party.PartyDisbanded(id));
    }
    if (playerId.equals(leader)) {
      return Decision.accept(left, new Party.LeaderChanged(id, rest.get(0)));
    }
    return Decision.accept(left);
  }

  /** The state after {@code e}. */
  public PartyState apply(Party.Event e) {
    List<String> m = new ArrayList<>(members);
    Set<String> i = new HashSet<>(invited);
    if (e instanceof Party.PartyFormed f) {
      return new PartyState(f.leaderId(), List.of(f.leaderId()), Set.of(), false);
    } else if (e instanceof Party.PlayerInvited v) {
      i.add(v.playerId());
    } else if (e instanceof Party.PlayerJoined j) {
      i.remove(j.playerId());
      m.add(j.playerId());
    } else if (e instanceof Party.PlayerLeft l) {
      i.remove(l.playerId());
      m.remove(l.playerId());
    } else if (e instanceof Party.LeaderChanged c) {
      return new PartyState(c.leaderId(), m, i, over);
    } else if (e instanceof Party.PartyDisbanded) {
      return new PartyState(leader, List.of(), Set.of(), true);
    }
    return new PartyState(leader, m, i, over);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
