package org.bluemarble.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bluemarble.auth.internal.Pem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyRingFilesTest {
  private static final TokenSettings SETTINGS = TokenSettings.of("iss", "aud");

  @TempDir Path dir;

  @Test
  void generatesAKeyWhenNoFileIsConfigured() {
    KeyRing ring = KeyRingFiles.load(KeyRingFiles.Settings.generated());
    assertThat(ring.signingKey().isPrivate()).isTrue();
  }

  @Test
  void loadsSigningKeyFromPemAndPreviousKeyFromPublicPem() throws Exception {
    KeyPair current = p256();
    KeyPair previous = p256();
    Path signing = dir.resolve("signing.pem");
    Files.writeString(
        signing,
        Pem.encode("PRIVATE KEY", current.getPrivate().getEncoded())
            + Pem.encode("PUBLIC KEY", current.getPublic().getEncoded()));
    Path old = dir.resolve("previous.pem");
    Files.writeString(old, Pem.encode("PUBLIC KEY", previous.getPublic().getEncoded()));

    KeyRing ring = KeyRingFiles.load(new KeyRingFiles.Settings(Optional.of(signing), List.of(old)));
    TokenService service = new TokenService(SETTINGS, ring, Clock.systemUTC());
    String token = service.issue("acc", "name", Set.of(Role.PLAYER)).token();

    assertThat(service.verify(token).accountId()).isEqualTo("acc");
    assertThat(com.nimbusds.jose.jwk.JWKSet.parse(ring.jwksJson()).getKeys()).hasSize(2);
  }

  @Test
  void loadsSigningKeyFromJwkAndKeepsItsThumbprintAsKid() throws Exception {
    KeyRing original = KeyRing.generate();
    Path file = dir.resolve("signing.jwk");
    Files.writeString(file, original.signingKey().toJSONString());
    KeyRing loaded = KeyRingFiles.load(new KeyRingFiles.Settings(Optional.of(file), List.of()));
    assertThat(loaded.signingKey().getKeyID()).isEqualTo(original.signingKey().getKeyID());
  }

  @Test
  void refusesAPublicOnlyFileAsSigningKey() throws Exception {
    Path file = dir.resolve("public.pem");
    Files.writeString(file, Pem.encode("PUBLIC KEY", p256().getPublic().getEncoded()));
    assertThatThrownBy(
            () -> KeyRingFiles.load(new KeyRingFiles.Settings(Optional.of(file), List.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("public.pem")
        .hasMessageContaining("PRIVATE KEY");
  }

  @Test
  void namesAMissingFile() {
    Path missing = dir.resolve("nope.pem");
    assertThatThrownBy(
            () -> KeyRingFiles.load(new KeyRingFiles.Settings(Optional.of(missing), List.of())))
        .hasMessageContaining("nope.pem");
  }

  private static KeyPair p256() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }
}
