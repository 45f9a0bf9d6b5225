package org.bluemarble.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
  // Small parameters keep the suite fast; the defaults are exercised by the benchmark.
  private static final Argon2Settings CHEAP = new Argon2Settings(1024, 1, 1, 16, 32);
  private final PasswordHasher hasher = new PasswordHasher(CHEAP);

  @Test
  void producesArgon2idPhcStringCarryingItsParameters() {
    String hash = hasher.hash("correct horse battery");
    assertThat(hash).startsWith("$argon2id$v=19$m=1024,t=1,p=1$");
    assertThat(hash.split("\\$")).hasSize(6);
  }

  @Test
  void verifiesTheRightPasswordAndRejectsAWrongOne() {
    String hash = hasher.hash("correct horse battery");
    assertThat(hasher.verify("correct horse battery", hash)).isTrue();
    assertThat(hasher.verify("correct horse batterx", hash)).isFalse();
  }

  @Test
  void saltsEveryHashDifferently() {
    assertThat(hasher.hash("same password")).isNotEqualTo(hasher.hash("same password"));
  }

  @Test
  void dummyVerificationNeverSucceeds() {
    assertThat(hasher.verifyAgainstDummy("anything at all")).isFalse();
    assertThat(hasher.verifyAgainstDummy(null)).isFalse();
  }

  @Test
  void dummyHashHasTheCurrentParametersSoItCostsTheSameAsARealVerify() {
    assertThat(hasher.needsRehash(hasher.dummyHash())).isFalse();
    PasswordHasher stronger = new PasswordHasher(new Argon2Settings(2048, 2, 1, 16, 32));
    assertThat(stronger.dummyHash()).startsWith("$argon2id$v=19$m=2048,t=2,p=1$");
  }

  @Test
  void needsRehashOnlyWhenParametersDiffer() {
    String current = hasher.hash("correct horse battery");
    String older = new PasswordHasher(new Argon2Settings(2048, 1, 1, 16, 32)).hash("x");
    assertThat(hasher.needsRehash(current)).isFalse();
    assertThat(hasher.needsRehash(older)).isTrue();
  }

  @Test
  void hashMadeWithOlderParametersStillVerifies() {
    String older =
        new PasswordHasher(new Argon2Settings(2048, 2, 1, 16, 32)).hash("old password 1");
    assertThat(hasher.verify("old password 1", older)).isTrue();
  }

  @Test
  void rejectsAStoredHashThatIsNotArgon2() {
    assertThatThrownBy(() -> hasher.verify("pw", "$2a$10$abcdefghijklmnopqrstuv"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Argon2");
  }

  @Test
  void rejectsParametersOutsideTheirRangesNamingTheField() {
    assertThatThrownBy(() -> new Argon2Settings(19_456, 0, 1, 16, 32))
        .hasMessageContaining("iterations");
    assertThatThrownBy(() -> new Argon2Settings(4, 1, 1, 16, 32)).hasMessageContaining("memoryKib");
  }

  @Test
  void defaultsAreOwaspsFirstRecommendation() {
    assertThat(Argon2Settings.DEFAULT).isEqualTo(new Argon2Settings(19_456, 2, 1, 16, 32));
  }
}
