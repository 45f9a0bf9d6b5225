package org.bluemarble.shred;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.Serializers;
import org.bluemarble.account.Account;
import org.bluemarble.account.UsernameClaim;
import org.bluemarble.auth.Role;
import org.bluemarble.player.CharacterClass;
import org.bluemarble.player.Player;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The journal serializer of events with personal fields: they are sealed (no plaintext in the
 * bytes), read back while the subject's key exists, read as {@code <erased>} after, and events of
 * journals written before crypto-shredding (plain {@code jackson-cbor}, text fields) still read.
 */
class PersonalSerializerTest {
  private static final ActorTestKit testKit =
      ActorTestKit.create(
          ConfigFactory.parseResources("bluemarble/serialization.conf")
              .withFallback(ConfigFactory.defaultReference()));
  private static final Serialization serialization =
      SerializationExtension.get(Adapter.toClassic(testKit.system()));
  private static final Instant AT = Instant.parse("2026-12-07T06:00:00Z");

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  private static Object roundTrip(Object event) {
    Serializer serializer = serialization.findSerializerFor(event);
    byte[] bytes = serializer.toBinary(event);
    return serialization
        .deserialize(bytes, serializer.identifier(), Serializers.manifestFor(serializer, event))
        .get();
  }

  @Test
  void personalFieldsAreSealedAndReadBackUntilTheKeyIsErased() throws Exception {
    String account = "acc-" + System.nanoTime();
    Account.AccountRegistered registered =
        new Account.AccountRegistered(
            account,
            "Zephyrine",
            "zephyrine@example.org",
            "$argon2id$hash",
            Set.of(Role.PLAYER),
            AT);
    Serializer serializer = serialization.findSerializerFor(registered);
    assertThat(serializer).isInstanceOf(PersonalSerializer.class);
    String bytes = new String(serializer.toBinary(registered), StandardCharsets.ISO_8859_1);
    assertThat(bytes).doesNotContain("Zephyrine", "zephyrine@example.org", "$argon2id$hash");
    assertThat(roundTrip(registered)).isEqualTo(registered);

    byte[] sealed = serializer.toBinary(registered);
    String manifest = Serializers.manifestFor(serializer, registered);
    Shredding.get(testKit.system()).keys().erase(List.of(account)).toCompletableFuture().get();

    Account.AccountRegistered erased =
        (Account.AccountRegistered)
            serialization.deserialize(sealed, serializer.identifier(), manifest).get();
    assertThat(erased.username()).isEqualTo(PersonalCipher.ERASED);
    assertThat(erased.email()).isEqualTo(PersonalCipher.ERASED);
    assertThat(erased.accountId()).isEqualTo(account);
    assertThat(erased.roles()).containsExactly(Role.PLAYER);

    // Written after the erasure (the name's release): the field is the erased marker.
    UsernameClaim.UsernameReleased released =
        new UsernameClaim.UsernameReleased("zephyrine", account, AT);
    assertThat(((UsernameClaim.UsernameReleased) roundTrip(released)).usernameKey())
        .isEqualTo(PersonalCipher.ERASED);
  }

  @Test
  void eventsWrittenBeforeShreddingAsPlainCborStillRead() {
    Player.CharacterCreated old =
        new Player.CharacterCreated("p-1", "Oldname", CharacterClass.MAGE, AT);
    Serializer plain =
        new org.apache.pekko.serialization.jackson.JacksonCborSerializer(
            (org.apache.pekko.actor.ExtendedActorSystem) Adapter.toClassic(testKit.system()),
            "jackson-cbor");
    byte[] bytes = plain.toBinary(old);
    String manifest = Serializers.manifestFor(plain, old);
    assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).contains("Oldname");
    // As the journal stores it: with jackson-cbor's id, the text field read as it is.
    assertThat(serialization.deserialize(bytes, plain.identifier(), manifest).get()).isEqualTo(old);
    // And the new serializer reads the old format too (the CBOR text type is the marker).
    Serializer personal = serialization.findSerializerFor(old);
    assertThat(serialization.deserialize(bytes, personal.identifier(), manifest).get())
        .isEqualTo(old);
  }

  @Test
  void outsideTheJournalSerializerPersonalFieldsArePlainJson() throws Exception {
    Player.CharacterRenamed renamed = new Player.CharacterRenamed("p-2", "Visible");
    String json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(renamed);
    assertThat(json).contains("\"name\":\"Visible\"");
  }
}
