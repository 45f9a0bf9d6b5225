package org.bluemarble.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import java.net.MalformedURLException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.bluemarble.auth.internal.OpaqueTokens;

/**
 * Validates ID tokens of the configured OpenID Connect providers: signature against the provider's
 * JWKS (fetched over HTTP and cached for {@link OidcSettings#jwksCacheTtl()}; an unknown {@code
 * kid} triggers at most one early refetch, for key rotation), {@code iss}, {@code aud} (our client
 * id), {@code exp} with skew, and the {@code nonce} this login sent. Thread-safe.
 */
public final class OidcVerifier {
  /**
   * Asymmetric algorithms providers use; HMAC is refused (the client secret is no proof of the
   * provider).
   */
  private static final Set<JWSAlgorithm> ACCEPTED =
      Set.of(
          JWSAlgorithm.RS256,
          JWSAlgorithm.RS384,
          JWSAlgorithm.RS512,
          JWSAlgorithm.PS256,
          JWSAlgorithm.ES256,
          JWSAlgorithm.ES384);

  private record Provider(OidcProvider config, JWKSource<SecurityContext> keys) {}

  private final Map<String, Provider> providers;
  private final OidcSettings settings;
  private final Clock clock;
  private final NonceStore nonces;

  /** Bounds the in-process nonce memory of {@link #OidcVerifier(OidcSettings, Clock)}. */
  static final int MAX_NONCES = 100_000;

  /** A verifier that remembers used nonces in this JVM. */
  public OidcVerifier(OidcSettings settings, Clock clock) {
    this(settings, clock, NonceStore.inMemory(clock, MAX_NONCES));
  }

  /**
   * @param nonces where used nonces are remembered (Redis with several nodes)
   */
  public OidcVerifier(OidcSettings settings, Clock clock, NonceStore nonces) {
    this.settings = settings;
    this.clock = clock;
    this.nonces = nonces;
    int timeout = (int) settings.httpTimeout().toMillis();
    DefaultResourceRetriever retriever = new DefaultResourceRetriever(timeout, timeout, 256 * 1024);
    this.providers =
        settings.providers().stream()
            .collect(
                Collectors.toUnmodifiableMap(
                    OidcProvider::name, p -> new Provider(p, jwkSource(p, retriever))));
  }

  /** Whether a provider of this name is configured. */
  public boolean knows(String providerName) {
    return providers.containsKey(providerName);
  }

  /**
   * Verifies an ID token from the named provider.
   *
   * @param expectedNonce the nonce this login put into the authorization request
   * @throws OidcException with a distinct {@link OidcRejection} for each way the token can be wrong
   */
  public ExternalIdentity verify(String providerName, String idToken, String expectedNonce)
      throws OidcException {
    Provider provider = providers.get(providerName);
    if (provider == null) {
      throw new OidcException(OidcRejection.UNKNOWN_PROVIDER, "no provider named " + providerName);
    }
    SignedJWT jwt = parse(idToken);
    JWK key = keyFor(provider, jwt.getHeader().getKeyID());
    checkSignature(jwt, key);
    JWTClaimsSet claims;
    try {
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw new OidcException(OidcRejection.MALFORMED, "claims are not a JSON object");
    }
    checkClaims(provider.config(), claims, expectedNonce);
    String email;
    try {
      email = claims.getStringClaim("email");
    } catch (ParseException e) {
      email = null;
    }
    return new ExternalIdentity(providerName, claims.getSubject(), Optional.ofNullable(email));
  }

  private static SignedJWT parse(String idToken) throws OidcException {
    if (idToken == null || idToken.isEmpty() || idToken.length() > 16_384) {
      throw new OidcException(OidcRejection.MALFORMED, "ID token missing or longer than 16 KiB");
    }
    JWT jwt;
    try {
      jwt = JWTParser.parse(idToken);
    } catch (ParseException e) {
      throw new OidcException(OidcRejection.MALFORMED, "not a compact JWT");
    }
    if (!(jwt instanceof SignedJWT signed)
        || !ACCEPTED.contains(signed.getHeader().getAlgorithm())) {
      throw new OidcException(
          OidcRejection.UNSUPPORTED_ALGORITHM,
          "alg " + jwt.getHeader().getAlgorithm() + " is not accepted");
    }
    return signed;
  }

  private static JWK keyFor(Provider provider, String kid) throws OidcException {
    JWKMatcher.Builder matcher = new JWKMatcher.Builder();
    if (kid != null) {
      matcher.keyID(kid);
    }
    List<JWK> keys;
    try {
      keys = provider.keys().get(new JWKSelector(matcher.build()), null);
    } catch (KeySourceException e) {
      throw new OidcException(
          OidcRejection.JWKS_UNAVAILABLE,
          "cannot fetch the JWKS of " + provider.config().name() + ": " + e.getMessage(),
          e);
    }
    if (keys.isEmpty() || (kid == null && keys.size() > 1)) {
      throw new OidcException(
          OidcRejection.UNKNOWN_KEY,
          "kid " + kid + " is not in the JWKS of " + provider.config().name());
    }
    return keys.get(0);
  }

  private static void checkSignature(SignedJWT jwt, JWK key) throws OidcException {
    boolean valid;
    try {
      JWSVerifier verifier;
      if (key instanceof RSAKey rsa) {
        verifier = new RSASSAVerifier(rsa);
      } else if (key instanceof ECKey ec) {
        verifier = new ECDSAVerifier(ec);
      } else {
        throw new OidcException(
            OidcRejection.UNKNOWN_KEY, "key type " + key.getKeyType() + " not supported");
      }
      valid = jwt.verify(verifier);
    } catch (JOSEException e) {
      valid = false;
    }
    if (!valid) {
      throw new OidcException(
          OidcRejection.BAD_SIGNATURE, "signature does not match key " + key.getKeyID());
    }
  }

  private void checkClaims(OidcProvider provider, JWTClaimsSet claims, String expectedNonce)
      throws OidcException {
    if (!provider.issuer().equals(claims.getIssuer())) {
      throw new OidcException(OidcRejection.WRONG_ISSUER, "iss is " + claims.getIssuer());
    }
    if (claims.getAudience() == null || !claims.getAudience().contains(provider.clientId())) {
      throw new OidcException(OidcRejection.WRONG_AUDIENCE, "aud is " + claims.getAudience());
    }
    Date exp = claims.getExpirationTime();
    if (exp == null || claims.getSubject() == null) {
      throw new OidcException(OidcRejection.MALFORMED, "exp and sub are required");
    }
    Instant now = clock.instant();
    if (now.isAfter(exp.toInstant().plus(settings.clockSkew()))) {
      throw new OidcException(OidcRejection.EXPIRED, "expired at " + exp.toInstant());
    }
    Object nonce = claims.getClaim("nonce");
    if (expectedNonce == null || !expectedNonce.equals(nonce)) {
      throw new OidcException(OidcRejection.NONCE_MISMATCH, "nonce does not match this login");
    }
    // Last, so only a token that would otherwise be accepted spends its nonce; remembered for as
    // long as the token could still be presented.
    Instant until = exp.toInstant().plus(settings.clockSkew());
    if (!nonces.firstUse(OpaqueTokens.sha256(provider.name() + "|" + expectedNonce), until)) {
      throw new OidcException(
          OidcRejection.NONCE_REUSED, "this nonce was used by an earlier login; start a new one");
    }
  }

  private JWKSource<SecurityContext> jwkSource(
      OidcProvider provider, DefaultResourceRetriever retriever) {
    try {
      long ttl = settings.jwksCacheTtl().toMillis();
      return JWKSourceBuilder.<SecurityContext>create(provider.jwksUri().toURL(), retriever)
          .cache(ttl, settings.httpTimeout().toMillis() * 2)
          .refreshAheadCache(false)
          .retrying(false)
          .build();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(
          "OIDC provider " + provider.name() + ": jwksUri is not a URL: " + provider.jwksUri(), e);
    }
  }
}
