package org.bluemarble.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Issues and verifies access tokens: ES256-signed JWTs with {@code kid}, {@code sub} (account id),
 * {@code name}, {@code roles}, {@code iat}/{@code exp}/{@code jti}, {@code iss} and {@code aud}.
 * Thread-safe; {@link #rotateKeys()} swaps the ring atomically.
 *
 * <p>Verification checks, in order: structure, algorithm (only ES256; {@code alg: none} is
 * refused), key id, signature, issuer, audience, then time with the configured skew, so a forged
 * token is never reported as merely expired, and last, when a {@link SessionCheck} is given, that
 * the token's session ({@code sid}) is still live.
 */
public final class TokenService {
  private static final JWSAlgorithm ALG = JWSAlgorithm.ES256;

  private final TokenSettings settings;
  private final Clock clock;
  private final AtomicReference<KeyRing> ring;
  private final SessionCheck sessions;
  private final java.util.concurrent.Executor lookups;

  /** Tokens that are valid until they expire (no session check). */
  public TokenService(TokenSettings settings, KeyRing keys, Clock clock) {
    this(settings, keys, clock, null);
  }

  /**
   * Tokens that also need a live session: {@link #verify} refuses a token without {@code sid} or
   * whose session {@code sessions} reports ended.
   */
  public TokenService(TokenSettings settings, KeyRing keys, Clock clock, SessionCheck sessions) {
    this(settings, keys, clock, sessions, null);
  }

  /**
   * As above; {@link #verifyAsync} runs the verification (whose session check is a Redis GET in
   * production) on {@code lookups}, never on the caller's (dispatcher) thread.
   */
  public TokenService(
      TokenSettings settings,
      KeyRing keys,
      Clock clock,
      SessionCheck sessions,
      java.util.concurrent.Executor lookups) {
    this.settings = settings;
    this.clock = clock;
    this.ring = new AtomicReference<>(keys);
    this.sessions = sessions;
    this.lookups = lookups;
  }

  /**
   * {@link #verify} off the calling thread when it may block: on the lookup executor when sessions
   * are checked and one was given, else at once. Fails with {@link InvalidTokenException}.
   */
  public java.util.concurrent.CompletionStage<AccessClaims> verifyAsync(String token) {
    java.util.function.Supplier<AccessClaims> run =
        () -> {
          try {
            return verify(token);
          } catch (InvalidTokenException e) {
            throw new java.util.concurrent.CompletionException(e);
          }
        };
    if (sessions == null || lookups == null) {
      try {
        return java.util.concurrent.CompletableFuture.completedFuture(run.get());
      } catch (RuntimeException e) {
        return java.util.concurrent.CompletableFuture.failedFuture(
            e instanceof java.util.concurrent.CompletionException c ? c.getCause() : e);
      }
    }
    return java.util.concurrent.CompletableFuture.supplyAsync(run, lookups);
  }

  /** Signs a token for an account outside any session; {@code roles} must not be empty. */
  public IssuedAccessToken issue(String accountId, String name, Set<Role> roles) {
    return issue(accountId, name, roles, null);
  }

  /**
   * Signs a token for an account in the login session {@code sessionId} (its {@code sid} claim;
   * null for none); {@code roles} must not be empty.
   */
  public IssuedAccessToken issue(String accountId, String name, Set<Role> roles, String sessionId) {
    if (accountId == null || accountId.isBlank()) {
      throw new IllegalArgumentException("accountId must not be blank");
    }
    if (roles.isEmpty()) {
      throw new IllegalArgumentException("an access token needs at least one role");
    }
    Instant now = clock.instant();
    Instant expires = now.plus(settings.accessTtl());
    String jti = UUID.randomUUID().toString();
    JWTClaimsSet.Builder builder =
        new JWTClaimsSet.Builder()
            .subject(accountId)
            .claim("name", name)
            .claim("roles", roles.stream().sorted().map(Role::claimValue).toList())
            .issuer(settings.issuer())
            .audience(settings.audience())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(expires))
            .jwtID(jti);
    if (sessionId != null) {
      builder.claim("sid", sessionId);
    }
    JWTClaimsSet claims = builder.build();
    KeyRing keys = ring.get();
    ECKey key = keys.signingKey();
    JWSHeader header =
        new JWSHeader.Builder(ALG).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build();
    SignedJWT jwt = new SignedJWT(header, claims);
    try {
      jwt.sign(keys.signer());
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign with the current key " + key.getKeyID(), e);
    }
    return new IssuedAccessToken(jwt.serialize(), jti, expires, settings.accessTtl());
  }

  /**
   * Verifies a token and returns its claims.
   *
   * @throws InvalidTokenException with a distinct {@link TokenRejection} for each way a token can
   *     be wrong
   */
  public AccessClaims verify(String token) throws InvalidTokenException {
    SignedJWT jwt = parseSigned(token);
    checkSignature(jwt, verifierFor(jwt.getHeader()), jwt.getHeader().getKeyID());
    JWTClaimsSet claims;
    try {
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw new InvalidTokenException(TokenRejection.MALFORMED, "claims are not a JSON object");
    }
    if (!settings.issuer().equals(claims.getIssuer())) {
      throw new InvalidTokenException(TokenRejection.WRONG_ISSUER, "iss is " + claims.getIssuer());
    }
    List<String> audience = claims.getAudience();
    if (audience == null || !audience.contains(settings.audience())) {
      throw new InvalidTokenException(TokenRejection.WRONG_AUDIENCE, "aud is " + audience);
    }
    AccessClaims verified = toClaims(claims);
    if (sessions != null) {
      if (verified.sessionId() == null) {
        throw new InvalidTokenException(TokenRejection.SESSION_REVOKED, "the token has no sid");
      }
      if (!sessions.live(verified.sessionId(), verified.accountId())) {
        throw new InvalidTokenException(
            TokenRejection.SESSION_REVOKED, "the session of this token has ended");
      }
    }
    return verified;
  }

  /** The JSON for {@code /.well-known/jwks.json}. */
  public String jwksJson() {
    return ring.get().jwksJson();
  }

  /** Starts signing with a fresh key; tokens of the old key keep verifying until they expire. */
  public void rotateKeys() {
    ring.updateAndGet(KeyRing::rotate);
  }

  /** The ring in use (for publishing or persisting keys). */
  public KeyRing keyRing() {
    return ring.get();
  }

  private static SignedJWT parseSigned(String token) throws InvalidTokenException {
    if (token == null || token.isEmpty()) {
      throw new InvalidTokenException(TokenRejection.MALFORMED, "no token");
    }
    JWT jwt;
    try {
      jwt = JWTParser.parse(token);
    } catch (ParseException e) {
      throw new InvalidTokenException(TokenRejection.MALFORMED, "not a compact JWT");
    }
    if (!(jwt instanceof SignedJWT signed)) {
      throw new InvalidTokenException(
          TokenRejection.UNSUPPORTED_ALGORITHM,
          "alg " + jwt.getHeader().getAlgorithm() + " is not a signature algorithm");
    }
    if (!ALG.equals(signed.getHeader().getAlgorithm())) {
      throw new InvalidTokenException(
          TokenRejection.UNSUPPORTED_ALGORITHM,
          "alg " + signed.getHeader().getAlgorithm() + " is not ES256");
    }
    return signed;
  }

  private JWSVerifier verifierFor(JWSHeader header) throws InvalidTokenException {
    String kid = header.getKeyID();
    if (kid == null) {
      throw new InvalidTokenException(TokenRejection.UNKNOWN_KEY, "no kid in the header");
    }
    return ring.get()
        .verifier(kid)
        .orElseThrow(
            () ->
                new InvalidTokenException(
                    TokenRejection.UNKNOWN_KEY, "kid " + kid + " is not ours"));
  }

  private static void checkSignature(SignedJWT jwt, JWSVerifier verifier, String kid)
      throws InvalidTokenException {
    boolean valid;
    try {
      valid = jwt.verify(verifier);
    } catch (JOSEException e) {
      valid = false;
    }
    if (!valid) {
      throw new InvalidTokenException(
          TokenRejection.BAD_SIGNATURE, "signature does not match key " + kid);
    }
  }

  private AccessClaims toClaims(JWTClaimsSet claims) throws InvalidTokenException {
    Instant now = clock.instant();
    Date exp = claims.getExpirationTime();
    Date iat = claims.getIssueTime();
    if (exp == null || iat == null || claims.getSubject() == null || claims.getJWTID() == null) {
      throw new InvalidTokenException(
          TokenRejection.MALFORMED, "exp, iat, sub and jti are required");
    }
    if (now.isAfter(exp.toInstant().plus(settings.clockSkew()))) {
      throw new InvalidTokenException(TokenRejection.EXPIRED, "expired at " + exp.toInstant());
    }
    if (iat.toInstant().isAfter(now.plus(settings.clockSkew()))) {
      throw new InvalidTokenException(TokenRejection.NOT_YET_VALID, "issued at " + iat.toInstant());
    }
    Set<Role> roles = EnumSet.noneOf(Role.class);
    String name;
    String sessionId;
    try {
      name = claims.getStringClaim("name");
      sessionId = claims.getStringClaim("sid");
      List<String> roleClaims = claims.getStringListClaim("roles");
      if (roleClaims == null || roleClaims.isEmpty()) {
        throw new InvalidTokenException(TokenRejection.MALFORMED, "roles claim is missing");
      }
      for (String role : roleClaims) {
        roles.add(Role.fromClaim(role));
      }
    } catch (ParseException | IllegalArgumentException e) {
      throw new InvalidTokenException(TokenRejection.MALFORMED, e.getMessage());
    }
    return new AccessClaims(
        claims.getSubject(),
        name,
        roles,
        claims.getJWTID(),
        iat.toInstant(),
        exp.toInstant(),
        sessionId);
  }
}
