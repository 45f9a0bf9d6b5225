package org.bluemarble.stream;

import static org.bluemarble.stream.ProtoValues.ms;
import static org.bluemarble.stream.ProtoValues.str;

import java.util.List;
import org.bluemarble.account.Account;
import org.bluemarble.account.ExternalLink;
import org.bluemarble.account.UsernameClaim;
import org.bluemarble.protocol.events.v1.AccountBanned;
import org.bluemarble.protocol.events.v1.AccountCharacterAdded;
import org.bluemarble.protocol.events.v1.AccountCharacterRemoved;
import org.bluemarble.protocol.events.v1.AccountErased;
import org.bluemarble.protocol.events.v1.AccountEvent;
import org.bluemarble.protocol.events.v1.AccountPasswordChanged;
import org.bluemarble.protocol.events.v1.AccountRegistered;
import org.bluemarble.protocol.events.v1.AccountRoleGranted;
import org.bluemarble.protocol.events.v1.AccountRoleRevoked;
import org.bluemarble.protocol.events.v1.AccountUnbanned;
import org.bluemarble.protocol.events.v1.EventEnvelope;
import org.bluemarble.protocol.events.v1.ExternalIdentityLinked;
import org.bluemarble.protocol.events.v1.ExternalIdentityUnlinked;
import org.bluemarble.protocol.events.v1.UsernameClaimed;
import org.bluemarble.protocol.events.v1.UsernameReleased;

/**
 * Accounts, user-name claims and external identity links. E-mail addresses and password hashes are
 * left out: the stream is kept outside the journal's erasure.
 */
final class AccountEventMapping implements EventMapping {
  @Override
  public Domain domain() {
    return Domain.ACCOUNTS;
  }

  @Override
  public List<Class<?>> eventTypes() {
    return List.of(Account.Event.class, UsernameClaim.Event.class, ExternalLink.Event.class);
  }

  @Override
  public void map(Object event, EventEnvelope.Builder into) {
    into.setAccount(account(event));
  }

  private static AccountEvent account(Object event) {
    AccountEvent.Builder b = AccountEvent.newBuilder();
    if (event instanceof Account.AccountRegistered e) {
      return b.setRegistered(
              AccountRegistered.newBuilder()
                  .setAccountId(e.accountId())
                  .setUsername(str(e.username()))
                  .addAllRoles(e.roles().stream().map(Enum::name).sorted().toList())
                  .setAtMs(ms(e.at())))
          .build();
    } else if (event instanceof Account.PasswordChanged e) {
      return b.setPasswordChanged(
              AccountPasswordChanged.newBuilder().setAccountId(e.accountId()).setAtMs(ms(e.at())))
          .build();
    } else if (event instanceof Account.RoleGranted e) {
      return b.setRoleGranted(
              AccountRoleGranted.newBuilder()
                  .setAccountId(e.accountId())
                  .setRole(str(e.role()))
                  .setAtMs(ms(e.at())))
          .build();
    } else if (event instanceof Account.RoleRevoked e) {
      return b.setRoleRevoked(
              AccountRoleRevoked.newBuilder()
                  .setAccountId(e.accountId())
                  .setRole(str(e.role()))
                  .setAtMs(ms(e.at())))
          .build();
    } else if (event instanceof Account.CharacterAdded e) {
      return b.setCharacterAdded(
              AccountCharacterAdded.newBuilder()
                  .setAccountId(e.accountId())
                  .setPlayerId(str(e.playerId()))
                  .setAtMs(ms(e.at())))
          .build();
    } else if (event instanceof Account.CharacterRemoved e) {
      return b.setCharacterRemoved(
              AccountCharacterRemoved.newBuilder()
                  .setAccountId(e.accountId())
                  .setPlayerId(str(e.playerId()))
                  .setAtMs(ms(e.at())))
          .build();
    } else if (event instanceof Account.AccountBanned e) {
      return b.setBanned(
              AccountBanned.newBuilder()
                  .setAccountId(e.accountId())
                  .setReason(str(e.reason()))
                  .setUntilMs(ms(e.until()))
                  .setBy(str(e.by()))
                  .setAtMs(ms(e.at())))
          .build();
    } else if (event instanceof Account.AccountUnbanned e) {
      return b.setUnbanned(
              AccountUnbanned.newBuilder()
                  .setAccountId(e.accountId())
                  .setBy(str(e.by()))
                  .setAtMs(ms(e.at())))
          .build();
    } else if (event instanceof Account.AccountErased e) {
      return b.setErased(
              AccountErased.newBuilder()
                  .setAccountId(e.accountId())
                  .setBy(str(e.by()))
                  .setAtMs(ms(e.at())))
          .build();
    } else if (event instanceof UsernameClaim.UsernameClaimed e) {
      return b.setUsernameClaimed(
              UsernameClaimed.newBuilder()
                  .setUsernameKey(str(e.usernameKey()))
                  .setAccountId(str(e.accountId()))
                  .setAtMs(ms(e.at())))
          .build();
    } else if (event instanceof UsernameClaim.UsernameReleased e) {
      return b.setUsernameReleased(
              UsernameReleased.newBuilder()
                  .setUsernameKey(str(e.usernameKey()))
                  .setAccountId(str(e.accountId()))
                  .setAtMs(ms(e.at())))
          .build();
    } else if (event instanceof ExternalLink.ExternalIdentityLinked e) {
      return b.setExternalLinked(
              ExternalIdentityLinked.newBuilder()
                  .setKey(str(e.key()))
                  .setAccountId(str(e.accountId()))
                  .setAtMs(ms(e.at())))
          .build();
    } else if (event instanceof ExternalLink.ExternalIdentityUnlinked e) {
      return b.setExternalUnlinked(
              ExternalIdentityUnlinked.newBuilder()
                  .setKey(str(e.key()))
                  .setAccountId(str(e.accountId()))
                  .setAtMs(ms(e.at())))
          .build();
    }
    throw ProtoValues.unknown(event);
  }
}
