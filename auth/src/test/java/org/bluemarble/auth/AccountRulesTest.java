package org.bluemarble.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccountRulesTest {

  @Test
  void acceptsNamesOfLettersDigitsUnderscoreAndDash() {
    assertThat(AccountRules.validateUsername("Alice_the-2nd")).isEqualTo("Alice_the-2nd");
  }

  @Test
  void uniquenessKeyIgnoresCase() {
    assertThat(AccountRules.usernameKey("ALICE")).isEqualTo(AccountRules.usernameKey("alice"));
    assertThat(AccountRules.usernameKey("Ingrid")).isEqualTo("ingrid");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ab",
        "robert'); DROP TABLE accounts;--",
        "admin' OR '1'='1",
        "<script>alert(1)</script>",
        "name with space",
        "tab\there",
        "nul\u0000byte",
        "ünïcode",
        "İstanbul",
      })
  void rejectsHostileOrMalformedUsernames(String name) {
    assertThatThrownBy(() -> AccountRules.validateUsername(name))
        .isInstanceOf(InvalidAccountInputException.class)
        .satisfies(
            e -> assertThat(((InvalidAccountInputException) e).field()).isEqualTo("username"));
  }

  @Test
  void rejectsAOneMegabyteUsernameByLengthWithoutEchoingIt() {
    String huge = "a".repeat(1 << 20);
    assertThatThrownBy(() -> AccountRules.validateUsername(huge))
        .isInstanceOf(InvalidAccountInputException.class)
        .hasMessageContaining("3 to 50 characters, was 1048576")
        .hasMessageNotContaining("aaaa");
  }

  @Test
  void rejectsMissingUsername() {
    assertThatThrownBy(() -> AccountRules.validateUsername(null)).hasMessageContaining("required");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a@example.org", "first.last+tag@mail.example.co.uk"})
  void acceptsSaneEmails(String email) {
    assertThat(AccountRules.validateEmail(email)).isEqualTo(email);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "no-at-sign",
        "a@b",
        "a b@example.org",
        "a@exa mple.org",
        "x@example.org\r\nBcc: y@z.org"
      })
  void rejectsBrokenEmails(String email) {
    assertThatThrownBy(() -> AccountRules.validateEmail(email))
        .isInstanceOf(InvalidAccountInputException.class)
        .hasMessageStartingWith("email:");
  }

  @Test
  void rejectsAnOverlongEmail() {
    String email =
        "a".repeat(60)
            + "@"
            + "b".repeat(60)
            + "."
            + "c".repeat(60)
            + "."
            + "d".repeat(80)
            + ".org";
    assertThatThrownBy(() -> AccountRules.validateEmail(email)).hasMessageContaining("at most 254");
  }

  @Test
  void passwordLengthIsTenToOneHundredTwentyEight() {
    AccountRules.validatePassword("0123456789", "alice");
    AccountRules.validatePassword("p".repeat(128), "alice");
    assertThatThrownBy(() -> AccountRules.validatePassword("012345678", "alice"))
        .hasMessageContaining("10 to 128");
    assertThatThrownBy(() -> AccountRules.validatePassword("p".repeat(129), "alice"))
        .hasMessageContaining("10 to 128");
    assertThatThrownBy(() -> AccountRules.validatePassword("p".repeat(1 << 20), "alice"))
        .hasMessageContaining("was 1048576");
  }

  @Test
  void passwordMustNotEqualTheUsernameInAnyCase() {
    assertThatThrownBy(() -> AccountRules.validatePassword("SuperPlayer", "superplayer"))
        .hasMessageContaining("must not equal the username");
  }

  @Test
  void passwordMustNotContainControlCharacters() {
    assertThatThrownBy(() -> AccountRules.validatePassword("abcdefghij\u0007", "alice"))
        .hasMessageContaining("control characters");
  }

  @Property
  void everyNameOfAllowedCharactersAndLengthIsAccepted(
      @ForAll @AlphaChars @NumericChars @StringLength(min = 3, max = 50) String name) {
    assertThat(AccountRules.usernameKey(name)).isEqualTo(name.toLowerCase(java.util.Locale.ROOT));
  }

  @Property
  void everyNameWithAForbiddenCharacterIsRejected(
      @ForAll @AlphaChars @StringLength(min = 3, max = 20) String name, @ForAll char bad) {
    net.jqwik.api.Assume.that(!Character.toString(bad).matches("[a-zA-Z0-9_-]"));
    String hostile = name + bad;
    assertThatThrownBy(() -> AccountRules.validateUsername(hostile))
        .isInstanceOf(InvalidAccountInputException.class);
  }
}
