package org.bluemarble.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenServiceTest {
  private static final TokenSettings SETTINGS =
      TokenSettings.of("https://bluemarble.test/", "game");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final KeyRing ring = KeyRing.generate();
  private final TokenService tokens = new TokenService(SETTINGS, ring, clock);

  @Test
  void issuedTokenVerifiesWithItsClaims() throws Exception {
    IssuedAccessToken issued = tokens.issue("acc-1", "alice", Set.of(Role.PLAYER, Role.ADMIN));
    AccessClaims claims = tokens.verify(issued.token());
    assertThat(claims.accountId()).isEqualTo("acc-1");
    assertThat(claims.name()).isEqualTo("alice");
    assertThat(claims.roles()).containsExactlyInAnyOrder(Role.PLAYER, Role.ADMIN);
    assertThat(claims.tokenId()).isEqualTo(issued.tokenId());
    assertThat(claims.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
    assertThat(issued.expiresIn()).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void tokenCarriesKidEs256AndRoleNamesAsClaims() throws Exception {
    SignedJWT jwt = SignedJWT.parse(tokens.issue("acc-1", "alice", Set.of(Role.MODERATOR)).token());
    assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
    assertThat(jwt.getHeader().getKeyID()).isEqualTo(ring.signingKey().getKeyID());
    assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("Moderator");
    assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("https://bluemarble.test/");
    assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("game");
  }

  @Test
  void acceptsWithinClockSkewAndRejectsExpiredBeyondIt() throws Exception {
    String token = tokens.issue("acc-1", "alice", Set.of(Role.PLAYER)).token();
    clock.advance(Duration.ofMinutes(15).plusSeconds(29));
    assertThat(tokens.verify(token).accountId()).isEqualTo("acc-1");
    clock.advance(Duration.ofSeconds(2));
    assertRejected(() -> tokens.verify(token), TokenRejection.EXPIRED);
  }

  @Test
  void rejectsTokenIssuedInTheFuture() {
    MutableClock ahead = new MutableClock(clock.instant().plus(Duration.ofMinutes(5)));
    String token =
        new TokenService(SETTINGS, ring, ahead).issue("a", "n", Set.of(Role.PLAYER)).token();
    assertRejected(() -> tokens.verify(token), TokenRejection.NOT_YET_VALID);
  }

  @Test
  void rejectsAlgNone() {
    String token = new PlainJWT(validClaims().build()).serialize();
    assertRejected(() -> tokens.verify(token), TokenRejection.UNSUPPORTED_ALGORITHM);
  }

  @Test
  void rejectsSymmetricAlgorithmEvenWithOurKid() throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(ring.signingKey().getKeyID()).build(),
            validClaims().build());
    jwt.sign(new MACSigner(new byte[32]));
    assertRejected(() -> tokens.verify(jwt.serialize()), TokenRejection.UNSUPPORTED_ALGORITHM);
  }

  @Test
  void rejectsTokenSignedWithAnotherKey() {
    TokenService stranger = new TokenService(SETTINGS, KeyRing.generate(), clock);
    String token = stranger.issue("acc-1", "alice", Set.of(Role.ADMIN)).token();
    assertRejected(() -> tokens.verify(token), TokenRejection.UNKNOWN_KEY);
  }

  @Test
  void rejectsTokenSignedWithAnotherKeyClaimingOurKid() throws Exception {
    ECKey other = KeyRing.generate().signingKey();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(ring.signingKey().getKeyID()).build(),
            validClaims().build());
    jwt.sign(new ECDSASigner(other));
    assertRejected(() -> tokens.verify(jwt.serialize()), TokenRejection.BAD_SIGNATURE);
  }

  @Test
  void rejectsTamperedPayload() {
    String[] parts = tokens.issue("acc-1", "alice", Set.of(Role.PLAYER)).token().split("\\.");
    String forged =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                new String(
                        Base64.getUrlDecoder().decode(parts[1]),
                        java.nio.charset.StandardCharsets.UTF_8)
                    .replace("\"Player\"", "\"Admin\"")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertRejected(
        () -> tokens.verify(parts[0] + "." + forged + "." + parts[2]),
        TokenRejection.BAD_SIGNATURE);
  }

  @Test
  void rejectsWrongIssuerAndWrongAudience() {
    String otherIssuer =
        new TokenService(TokenSettings.of("https://evil.test/", "game"), ring, clock)
            .issue("a", "n", Set.of(Role.PLAYER))
            .token();
    String otherAudience =
        new TokenService(TokenSettings.of("https://bluemarble.test/", "admin"), ring, clock)
            .issue("a", "n", Set.of(Role.PLAYER))
            .token();
    assertRejected(() -> tokens.verify(otherIssuer), TokenRejection.WRONG_ISSUER);
    assertRejected(() -> tokens.verify(otherAudience), TokenRejection.WRONG_AUDIENCE);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "abc",
        "a.b.c",
        "eyJhbGciOiJFUzI1NiJ9..",
        "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
      })
  void rejectsMalformedTokens(String token) {
    assertRejected(() -> tokens.verify(token), TokenRejection.MALFORMED);
  }

  @Test
  void rejectsSignedTokenWithoutRoles() throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(ring.signingKey().getKeyID()).build(),
            validClaims().claim("roles", List.of()).build());
    jwt.sign(new ECDSASigner(ring.signingKey()));
    assertRejected(() -> tokens.verify(jwt.serialize()), TokenRejection.MALFORMED);
  }

  @Test
  void tokensOfThePreviousKeyVerifyAfterRotationAndNewOnesUseTheNewKid() throws Exception {
    String before = tokens.issue("acc-1", "alice", Set.of(Role.PLAYER)).token();
    String oldKid = ring.signingKey().getKeyID();
    tokens.rotateKeys();
    String after = tokens.issue("acc-1", "alice", Set.of(Role.PLAYER)).token();
    assertThat(tokens.verify(before).accountId()).isEqualTo("acc-1");
    assertThat(SignedJWT.parse(after).getHeader().getKeyID()).isNotEqualTo(oldKid);
    assertThat(tokens.verify(after).accountId()).isEqualTo("acc-1");
  }

  @Test
  void jwksPublishesEveryPublicKeyAndNoPrivatePart() throws Exception {
    tokens.rotateKeys();
    String jwks = tokens.jwksJson();
    com.nimbusds.jose.jwk.JWKSet set = com.nimbusds.jose.jwk.JWKSet.parse(jwks);
    assertThat(set.getKeys()).hasSize(2);
    assertThat(set.getKeys()).noneMatch(com.nimbusds.jose.jwk.JWK::isPrivate);
    assertThat(jwks).doesNotContain("\"d\"");
  }

  @Test
  void rotationKeepsAtMostThreePreviousKeys() throws Exception {
    for (int i = 0; i < 6; i++) {
      tokens.rotateKeys();
    }
    assertThat(com.nimbusds.jose.jwk.JWKSet.parse(tokens.jwksJson()).getKeys())
        .hasSize(1 + KeyRing.MAX_PREVIOUS);
  }

  private JWTClaimsSet.Builder validClaims() {
    Instant now = clock.instant();
    return new JWTClaimsSet.Builder()
        .subject("acc-1")
        .claim("name", "alice")
        .claim("roles", List.of("Admin"))
        .issuer(SETTINGS.issuer())
        .audience(SETTINGS.audience())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(60)))
        .jwtID("j1");
  }

  private static void assertRejected(ThrowingCallable call, TokenRejection reason) {
    assertThatThrownBy(call)
        .isInstanceOf(InvalidTokenException.class)
        .satisfies(e -> assertThat(((InvalidTokenException) e).reason()).isEqualTo(reason));
  }
}
