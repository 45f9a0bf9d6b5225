package org.bluemarble.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal OpenID provider for tests: its own RSA key, its JWKS served on 127.0.0.1, and ID tokens
 * signed on demand.
 */
public final class StandInIssuer implements AutoCloseable {
  public final String issuer = "https://id.stand-in.test";
  public final RSAKey key;
  private final HttpServer server;
  private final AtomicInteger jwksFetches = new AtomicInteger();

  public StandInIssuer() throws Exception {
    key = new RSAKeyGenerator(2048).keyID("stand-in-1").generate();
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    byte[] jwks = new JWKSet(key.toPublicJWK()).toString(true).getBytes(StandardCharsets.UTF_8);
    server.createContext(
        "/jwks",
        exchange -> {
          jwksFetches.incrementAndGet();
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, jwks.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(jwks);
          }
        });
    server.start();
  }

  public URI jwksUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks");
  }

  public int jwksFetches() {
    return jwksFetches.get();
  }

  /** Claims of a valid ID token for {@code aud}, expiring a minute after {@code now}. */
  public JWTClaimsSet.Builder claims(String audience, String nonce, Instant now) {
    return new JWTClaimsSet.Builder()
        .issuer(issuer)
        .subject("user-42")
        .audience(audience)
        .claim("nonce", nonce)
        .claim("email", "player@example.org")
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(60)));
  }

  public String sign(JWTClaimsSet claims) throws Exception {
    return sign(claims, key);
  }

  public static String sign(JWTClaimsSet claims, RSAKey with) throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID()).build(), claims);
    jwt.sign(new RSASSASigner(with));
    return jwt.serialize();
  }

  @Override
  public void close() throws IOException {
    server.stop(0);
  }
}
