package org.bluemarble.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.PlainJWT;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OidcVerifierTest {
  private static final String CLIENT = "bluemarble-client";
  private static final String NONCE = "n-0S6_WzA2Mj";
  private static StandInIssuer issuer;

  private final MutableClock clock = new MutableClock(Instant.now());
  private OidcVerifier verifier;

  @BeforeAll
  static void startIssuer() throws Exception {
    issuer = new StandInIssuer();
  }

  @AfterAll
  static void stopIssuer() throws Exception {
    issuer.close();
  }

  private OidcVerifier verifier() {
    if (verifier == null) {
      verifier =
          new OidcVerifier(
              OidcSettings.of(
                  List.of(new OidcProvider("standin", issuer.issuer, CLIENT, issuer.jwksUri()))),
              clock);
    }
    return verifier;
  }

  @Test
  void acceptsAValidIdTokenAndReturnsTheIdentity() throws Exception {
    String token = issuer.sign(issuer.claims(CLIENT, NONCE, clock.instant()).build());
    ExternalIdentity identity = verifier().verify("standin", token, NONCE);
    assertThat(identity.provider()).isEqualTo("standin");
    assertThat(identity.subject()).isEqualTo("user-42");
    assertThat(identity.email()).contains("player@example.org");
  }

  @Test
  void fetchesTheJwksOnceAndCachesIt() throws Exception {
    int before = issuer.jwksFetches();
    for (int i = 0; i < 5; i++) {
      String token = issuer.sign(issuer.claims(CLIENT, NONCE + i, clock.instant()).build());
      verifier().verify("standin", token, NONCE + i);
    }
    assertThat(issuer.jwksFetches() - before).isEqualTo(1);
  }

  @Test
  void aReplayedIdTokenIsRefusedThoughItsNonceMatches() throws Exception {
    String token = issuer.sign(issuer.claims(CLIENT, "single-use", clock.instant()).build());
    verifier().verify("standin", token, "single-use");
    assertRejected(
        () -> verifier().verify("standin", token, "single-use"), OidcRejection.NONCE_REUSED);
    // A fresh login with its own nonce still works.
    String next = issuer.sign(issuer.claims(CLIENT, "another-one", clock.instant()).build());
    assertThat(verifier().verify("standin", next, "another-one").subject()).isEqualTo("user-42");
  }

  @Test
  void aNonceUsedOnOneNodeIsRefusedOnAnotherSharingRedis() throws Exception {
    try (EmbeddedRedis redis = EmbeddedRedis.start();
        redis.clients.jedis.RedisClient client = redis.client()) {
      OidcSettings settings =
          OidcSettings.of(
              List.of(new OidcProvider("standin", issuer.issuer, CLIENT, issuer.jwksUri())));
      OidcVerifier nodeA = new OidcVerifier(settings, clock, NonceStore.redis(client, "t:"));
      OidcVerifier nodeB = new OidcVerifier(settings, clock, NonceStore.redis(client, "t:"));
      String token = issuer.sign(issuer.claims(CLIENT, "shared", clock.instant()).build());
      nodeA.verify("standin", token, "shared");
      assertRejected(() -> nodeB.verify("standin", token, "shared"), OidcRejection.NONCE_REUSED);
    }
  }

  @Test
  void rejectsWrongNonceAudienceIssuerAndExpiry() throws Exception {
    Instant now = clock.instant();
    String otherNonce = issuer.sign(issuer.claims(CLIENT, "other", now).build());
    String otherAudience = issuer.sign(issuer.claims("someone-else", NONCE, now).build());
    String otherIssuer =
        issuer.sign(issuer.claims(CLIENT, NONCE, now).issuer("https://evil.test").build());
    String expired =
        issuer.sign(issuer.claims(CLIENT, NONCE, now.minus(Duration.ofMinutes(10))).build());

    assertRejected(
        () -> verifier().verify("standin", otherNonce, NONCE), OidcRejection.NONCE_MISMATCH);
    assertRejected(
        () -> verifier().verify("standin", otherAudience, NONCE), OidcRejection.WRONG_AUDIENCE);
    assertRejected(
        () -> verifier().verify("standin", otherIssuer, NONCE), OidcRejection.WRONG_ISSUER);
    assertRejected(() -> verifier().verify("standin", expired, NONCE), OidcRejection.EXPIRED);
  }

  @Test
  void rejectsTokenSignedWithAKeyTheProviderDoesNotPublish() throws Exception {
    RSAKey stranger = new RSAKeyGenerator(2048).keyID("stranger").generate();
    RSAKey impostor = new RSAKeyGenerator(2048).keyID(issuer.key.getKeyID()).generate();
    String unknownKid =
        StandInIssuer.sign(issuer.claims(CLIENT, NONCE, clock.instant()).build(), stranger);
    String forged =
        StandInIssuer.sign(issuer.claims(CLIENT, NONCE, clock.instant()).build(), impostor);
    assertRejected(
        () -> verifier().verify("standin", unknownKid, NONCE), OidcRejection.UNKNOWN_KEY);
    assertRejected(() -> verifier().verify("standin", forged, NONCE), OidcRejection.BAD_SIGNATURE);
  }

  @Test
  void rejectsUnsignedTokensGarbageAndUnknownProviders() throws Exception {
    String none = new PlainJWT(issuer.claims(CLIENT, NONCE, clock.instant()).build()).serialize();
    assertRejected(
        () -> verifier().verify("standin", none, NONCE), OidcRejection.UNSUPPORTED_ALGORITHM);
    assertRejected(() -> verifier().verify("standin", "not.a.jwt", NONCE), OidcRejection.MALFORMED);
    assertRejected(() -> verifier().verify("nobody", "x", NONCE), OidcRejection.UNKNOWN_PROVIDER);
  }

  @Test
  void saysWhenTheJwksCannotBeFetched() throws Exception {
    OidcVerifier unreachable =
        new OidcVerifier(
            OidcSettings.of(
                List.of(
                    new OidcProvider(
                        "down", issuer.issuer, CLIENT, URI.create("http://127.0.0.1:1/jwks")))),
            clock);
    String token = issuer.sign(issuer.claims(CLIENT, NONCE, clock.instant()).build());
    assertRejected(() -> unreachable.verify("down", token, NONCE), OidcRejection.JWKS_UNAVAILABLE);
  }

  @Test
  void settingsRejectDuplicateNamesAndNonHttpJwks() {
    OidcProvider p = new OidcProvider("a", "iss", "c", URI.create("https://x/jwks"));
    assertThatThrownBy(() -> OidcSettings.of(List.of(p, p))).hasMessageContaining("unique");
    assertThatThrownBy(() -> new OidcProvider("a", "iss", "c", URI.create("file:///etc/passwd")))
        .hasMessageContaining("jwksUri");
  }

  private static void assertRejected(ThrowingCallable call, OidcRejection reason) {
    assertThatThrownBy(call)
        .isInstanceOf(OidcException.class)
        .satisfies(e -> assertThat(((OidcException) e).reason()).isEqualTo(reason));
  }
}
