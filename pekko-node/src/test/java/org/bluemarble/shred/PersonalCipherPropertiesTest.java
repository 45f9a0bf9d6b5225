package org.bluemarble.shred;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import javax.crypto.SecretKey;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

/** Sealing and opening a personal field round-trips for any text, and only under its own key. */
class PersonalCipherPropertiesTest {
  private static final SecretKey KEY = PersonalCipher.newKey();
  private static final SecretKey OTHER = PersonalCipher.newKey();

  @Property(tries = 500)
  void anyTextRoundTripsUnderItsSubjectsKey(
      @ForAll @StringLength(max = 300) String text,
      @ForAll @StringLength(min = 1, max = 80) String subject) {
    byte[] sealed = PersonalCipher.seal(subject, KEY, text);
    assertThat(PersonalCipher.subject(sealed)).isEqualTo(subject);
    assertThat(PersonalCipher.open(sealed, KEY)).isEqualTo(text);
  }

  @Property(tries = 200)
  void noOtherKeyOpensAField(@ForAll @StringLength(min = 1, max = 100) String text) {
    byte[] sealed = PersonalCipher.seal("account-1", KEY, text);
    assertThatThrownBy(() -> PersonalCipher.open(sealed, OTHER))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Property(tries = 200)
  void aFieldMovedToAnotherSubjectDoesNotOpen(
      @ForAll @StringLength(min = 1, max = 100) String text) {
    byte[] sealed = PersonalCipher.seal("account-1", KEY, text);
    byte[] moved = sealed.clone();
    moved[2 + "account-".length()] = '2'; // the subject is authenticated data
    assertThatThrownBy(() -> PersonalCipher.open(moved, KEY))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Property(tries = 200)
  void theSealedBytesHoldNoPartOfTheText(@ForAll @StringLength(min = 8, max = 100) String text) {
    byte[] sealed = PersonalCipher.seal("s", KEY, text);
    String asLatin1 = new String(sealed, StandardCharsets.ISO_8859_1);
    String utf8AsLatin1 =
        new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    assertThat(asLatin1).doesNotContain(utf8AsLatin1);
  }

  @Property(tries = 20)
  void theErasedMarkerHasNoSubject() {
    assertThat(PersonalCipher.subject(PersonalCipher.erasedMarker())).isNull();
  }
}
