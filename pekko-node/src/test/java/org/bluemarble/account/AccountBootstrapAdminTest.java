package org.bluemarble.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Parsing of {@code BLUEMARBLE_BOOTSTRAP_ADMIN}. */
class AccountBootstrapAdminTest {

  @Test
  void parsesNameAndPasswordSplitAtTheFirstColon() {
    assertThat(BootstrapAdmin.parse("root_admin:pass:with:colons"))
        .contains(new BootstrapAdmin.Credentials("root_admin", "pass:with:colons"));
  }

  @Test
  void anEmptyValueMeansNoBootstrapAccount() {
    assertThat(BootstrapAdmin.parse("")).isEmpty();
    assertThat(BootstrapAdmin.parse(null)).isEmpty();
  }

  @Test
  void refusesAValueWithoutColonNamingTheVariable() {
    assertThatThrownBy(() -> BootstrapAdmin.parse("root_admin"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("BLUEMARBLE_BOOTSTRAP_ADMIN")
        .hasMessageContaining("name:password");
  }

  @Test
  void refusesAShortPasswordWithoutEchoingIt() {
    assertThatThrownBy(() -> BootstrapAdmin.parse("root_admin:short1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("BLUEMARBLE_BOOTSTRAP_ADMIN")
        .hasMessageContaining("password")
        .hasMessageNotContaining("short1");
  }

  @Test
  void refusesAnInvalidName() {
    assertThatThrownBy(() -> BootstrapAdmin.parse("bad name!:long-enough-password"))
        .hasMessageContaining("username");
  }
}
