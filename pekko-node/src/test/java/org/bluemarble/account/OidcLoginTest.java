package org.bluemarble.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bluemarble.auth.StandInIssuer;
import org.bluemarble.config.Profile;
import org.bluemarble.node.testing.AdminClient;
import org.bluemarble.node.testing.InProcessNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /v1/auth/oidc/{provider}} and {@code .../link} against a real embedded node whose one
 * provider is a stand-in issuer on localhost (its own key and JWKS endpoint).
 */
class OidcLoginTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String CLIENT = "bluemarble-game";
  static final String NONCE = "n-0S6_WzA2Mj";
  private static final String PASSWORD = "correct-horse-battery";

  @TempDir static Path dataDir;
  private static StandInIssuer issuer;
  private static InProcessNode node;
  private static AdminClient api;

  @BeforeAll
  static void start() throws Exception {
    issuer = new StandInIssuer();
    Map<String, Object> overrides = new HashMap<>(providerSettings(issuer));
    overrides.put("bluemarble.node.data-dir", dataDir.toString());
    overrides.put("bluemarble.auth.argon2.memory-kib", 1024);
    overrides.put("bluemarble.auth.argon2.iterations", 1);
    overrides.put("bluemarble.auth.session-check-cache", "0s");
    node = InProcessNode.start(Profile.EMBEDDED, overrides);
    api = node.client();
  }

  @AfterAll
  static void stop() throws Exception {
    node.close();
    issuer.close();
  }

  /** Config overrides naming {@code issuer} as provider "standin". */
  static Map<String, Object> providerSettings(StandInIssuer issuer) {
    return Map.of(
        "bluemarble.auth.oidc.providers",
        List.of(
            Map.of(
                "name",
                "standin",
                "issuer",
                issuer.issuer,
                "client-id",
                CLIENT,
                "jwks-uri",
                issuer.jwksUri().toString())));
  }

  /** A token with a nonce of its own (nonces are single use), see {@link #nonceOf}. */
  static String idToken(StandInIssuer issuer, String subject, String email) throws Exception {
    String nonce = NONCE + "-" + java.util.UUID.randomUUID();
    return issuer.sign(
        issuer.claims(CLIENT, nonce, Instant.now()).subject(subject).claim("email", email).build());
  }

  /** The nonce a token carries (what the client that asked for it would send). */
  static String nonceOf(String idToken) {
    try {
      String nonce =
          com.nimbusds.jwt.JWTParser.parse(idToken).getJWTClaimsSet().getStringClaim("nonce");
      return nonce == null ? NONCE : nonce;
    } catch (java.text.ParseException | RuntimeException e) {
      return NONCE; // not a JWT at all: any nonce does
    }
  }

  static AdminClient.Response oidcLogin(AdminClient client, String idToken, String username)
      throws Exception {
    return oidcLogin(client, idToken, username, nonceOf(idToken));
  }

  static AdminClient.Response oidcLogin(
      AdminClient client, String idToken, String username, String nonce) throws Exception {
    Map<String, String> body = new HashMap<>();
    body.put("idToken", idToken);
    body.put("nonce", nonce);
    if (username != null) {
      body.put("username", username);
    }
    return client.call("POST", "/v1/auth/oidc/standin", JSON.writeValueAsString(body), null);
  }

  static JsonNode claims(AdminClient.Response tokens) throws Exception {
    return JSON.readTree(
        SignedJWT.parse(tokens.body().path("accessToken").asText()).getPayload().toString());
  }

  private static String reason(AdminClient.Response r) {
    return r.body().path("error").path("details").path("reason").asText();
  }

  @Test
  void aFirstLoginCreatesAnAccountAndTheNextOneLogsIntoIt() throws Exception {
    AdminClient.Response first =
        oidcLogin(api, idToken(issuer, "sub-first", "Dana.K@example.org"), null);
    assertThat(first.status()).as(String.valueOf(first.body())).isEqualTo(200);
    assertThat(first.body().path("expiresIn").asLong()).isEqualTo(900);
    assertThat(first.body().path("refreshToken").asText()).isNotBlank();
    assertThat(claims(first).path("name").asText()).isEqualTo("DanaK");

    AdminClient.Response again =
        oidcLogin(api, idToken(issuer, "sub-first", "other@example.org"), null);
    assertThat(again.status()).isEqualTo(200);
    assertThat(claims(again).path("sub").asText()).isEqualTo(claims(first).path("sub").asText());
  }

  @Test
  void aNewIdentityMayChooseItsNameAndATakenOneIsRefusedWith409() throws Exception {
    assertThat(register("taken_name").status()).isEqualTo(201);
    AdminClient.Response taken =
        oidcLogin(api, idToken(issuer, "sub-named", "n@example.org"), "TAKEN_NAME");
    assertThat(taken.status()).isEqualTo(409);
    assertThat(taken.body().path("error").path("code").asText()).isEqualTo("USERNAME_TAKEN");
    AdminClient.Response chosen =
        oidcLogin(api, idToken(issuer, "sub-named", "n@example.org"), "chosen_name");
    assertThat(chosen.status()).isEqualTo(200);
    assertThat(claims(chosen).path("name").asText()).isEqualTo("chosen_name");
  }

  @Test
  void refusesATokenForAnotherAudience() throws Exception {
    String token =
        issuer.sign(issuer.claims("someone-else", NONCE, Instant.now()).subject("s-aud").build());
    AdminClient.Response r = oidcLogin(api, token, null);
    assertThat(r.status()).isEqualTo(401);
    assertThat(reason(r)).isEqualTo("WRONG_AUDIENCE");
  }

  @Test
  void refusesAnExpiredToken() throws Exception {
    Instant hourAgo = Instant.now().minusSeconds(3600);
    String token = issuer.sign(issuer.claims(CLIENT, NONCE, hourAgo).subject("s-exp").build());
    AdminClient.Response r = oidcLogin(api, token, null);
    assertThat(r.status()).isEqualTo(401);
    assertThat(reason(r)).isEqualTo("EXPIRED");
  }

  @Test
  void refusesATokenSignedWithAnotherKeyUnderTheProvidersKid() throws Exception {
    RSAKey impostor = new RSAKeyGenerator(2048).keyID(issuer.key.getKeyID()).generate();
    JWTClaimsSet claims = issuer.claims(CLIENT, NONCE, Instant.now()).subject("s-key").build();
    AdminClient.Response r = oidcLogin(api, StandInIssuer.sign(claims, impostor), null);
    assertThat(r.status()).isEqualTo(401);
    assertThat(reason(r)).isEqualTo("BAD_SIGNATURE");
  }

  @Test
  void refusesAnUnsignedAlgNoneToken() throws Exception {
    JWTClaimsSet claims = issuer.claims(CLIENT, NONCE, Instant.now()).subject("s-none").build();
    AdminClient.Response r = oidcLogin(api, new PlainJWT(claims).serialize(), null);
    assertThat(r.status()).isEqualTo(401);
    assertThat(reason(r)).isEqualTo("UNSUPPORTED_ALGORITHM");
  }

  @Test
  void refusesAWrongNonce() throws Exception {
    String token =
        issuer.sign(issuer.claims(CLIENT, "another-nonce", Instant.now()).subject("s-n").build());
    AdminClient.Response r = oidcLogin(api, token, null, NONCE);
    assertThat(r.status()).isEqualTo(401);
    assertThat(reason(r)).isEqualTo("NONCE_MISMATCH");
  }

  @Test
  void aReplayedIdTokenIsRefusedWithNonceReused() throws Exception {
    String token = idToken(issuer, "sub-replay", "replay@example.org");
    assertThat(oidcLogin(api, token, null).status()).isEqualTo(200);
    AdminClient.Response replay = oidcLogin(api, token, null);
    assertThat(replay.status()).isEqualTo(401);
    assertThat(replay.body().path("error").path("code").asText()).isEqualTo("INVALID_ID_TOKEN");
    assertThat(reason(replay)).isEqualTo("NONCE_REUSED");
  }

  @Test
  void anUnknownProviderIsNotFound() throws Exception {
    AdminClient.Response r =
        api.call(
            "POST",
            "/v1/auth/oidc/nosuch",
            "{\"idToken\":\"" + idToken(issuer, "s-404", "x@example.org") + "\",\"nonce\":\"n\"}",
            null);
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.body().path("error").path("code").asText()).isEqualTo("UNKNOWN_PROVIDER");
  }

  @Test
  void refusesHostileInputWithAClear4xxAndLinksNothing() throws Exception {
    String token = idToken(issuer, "sub-hostile", "h@example.org");
    AdminClient.Response sql = oidcLogin(api, token, "x'); DROP TABLE journal;--");
    assertThat(sql.status()).isEqualTo(400);
    assertThat(sql.body().path("error").path("details").path("field").asText())
        .isEqualTo("username");
    AdminClient.Response script = oidcLogin(api, "<script>alert(1)</script>", null);
    assertThat(script.status()).isEqualTo(401);
    assertThat(reason(script)).isEqualTo("MALFORMED");
    String huge = "{\"idToken\":\"" + "a".repeat(1024 * 1024) + "\",\"nonce\":\"n\"}";
    assertThat(
            org.bluemarble.node.testing.LargeBodies.status(
                node.httpPort, "POST", "/v1/auth/oidc/standin", huge, null))
        .isEqualTo(413);
    AdminClient.Response malformed =
        api.call("POST", "/v1/auth/oidc/standin", "{\"idToken\": \"abc\", ", null);
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.body().path("error").path("code").asText()).isEqualTo("INVALID_JSON");

    // None of the refused requests linked the identity: an existing account can still take it.
    String ownerId = register("hostile_owner").body().path("accountId").asText();
    String ownerToken = login("hostile_owner").body().path("accessToken").asText();
    String body = JSON.writeValueAsString(Map.of("idToken", token, "nonce", nonceOf(token)));
    AdminClient.Response linked = api.call("POST", "/v1/auth/oidc/standin/link", body, ownerToken);
    assertThat(linked.status()).isEqualTo(200);
    assertThat(linked.body().path("accountId").asText()).isEqualTo(ownerId);
  }

  @Test
  void linksAnIdentityToTheCallersAccountOnceOnly() throws Exception {
    String linkerId = register("linker").body().path("accountId").asText();
    String linkerToken = login("linker").body().path("accessToken").asText();
    String linkToken = idToken(issuer, "sub-link", "l@example.org");
    String body =
        JSON.writeValueAsString(Map.of("idToken", linkToken, "nonce", nonceOf(linkToken)));
    AdminClient.Response linked = api.call("POST", "/v1/auth/oidc/standin/link", body, linkerToken);
    assertThat(linked.status()).as(String.valueOf(linked.body())).isEqualTo(200);
    assertThat(linked.body().path("accountId").asText()).isEqualTo(linkerId);

    AdminClient.Response viaProvider =
        oidcLogin(api, idToken(issuer, "sub-link", "l@example.org"), null);
    assertThat(claims(viaProvider).path("sub").asText()).isEqualTo(linkerId);

    register("late_linker");
    String lateToken = login("late_linker").body().path("accessToken").asText();
    String again = idToken(issuer, "sub-link", "l@example.org");
    body = JSON.writeValueAsString(Map.of("idToken", again, "nonce", nonceOf(again)));
    AdminClient.Response refused = api.call("POST", "/v1/auth/oidc/standin/link", body, lateToken);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.body().path("error").path("code").asText()).isEqualTo("IDENTITY_LINKED");
    assertThat(api.call("POST", "/v1/auth/oidc/standin/link", body, null).status()).isEqualTo(401);
  }

  @Test
  void aBanRefusesTheProviderLoginAndEndsTheAccessTokensAtOnce() throws Exception {
    AdminClient.Response in = oidcLogin(api, idToken(issuer, "sub-ban", "b@example.org"), null);
    String access = in.body().path("accessToken").asText();
    String accountId = claims(in).path("sub").asText();
    assertThat(api.call("GET", "/v1/characters", null, access).status()).isEqualTo(200);

    AdminClient.Response banned =
        api.call(
            "POST",
            "/admin/v1/accounts/" + accountId + "/ban",
            "{\"reason\":\"cheating\",\"durationSeconds\":3600}",
            api.adminToken());
    assertThat(banned.status()).as(String.valueOf(banned.body())).isEqualTo(200);

    AdminClient.Response revoked = api.call("GET", "/v1/characters", null, access);
    assertThat(revoked.status()).isEqualTo(401);
    assertThat(reason(revoked)).isEqualTo("SESSION_REVOKED");
    AdminClient.Response again = oidcLogin(api, idToken(issuer, "sub-ban", "b@example.org"), null);
    assertThat(again.status()).isEqualTo(403);
    assertThat(again.body().path("error").path("code").asText()).isEqualTo("ACCOUNT_BANNED");
  }

  @Test
  void revokingARoleAndErasingEndTheSessionsAndAnErasedIdentityStartsAfresh() throws Exception {
    AdminClient.Response first =
        oidcLogin(api, idToken(issuer, "sub-erase", "e@example.org"), null);
    String accountId = claims(first).path("sub").asText();
    String admin = api.adminToken();
    String path = "/admin/v1/accounts/" + accountId;
    assertThat(api.call("PUT", path + "/roles/Moderator", "", admin).status()).isEqualTo(200);
    AdminClient.Response asModerator =
        oidcLogin(api, idToken(issuer, "sub-erase", "e@example.org"), null);
    String modToken = asModerator.body().path("accessToken").asText();
    assertThat(api.call("GET", "/admin/v1/audit", null, modToken).status()).isEqualTo(200);

    assertThat(api.call("DELETE", path + "/roles/Moderator", "", admin).status()).isEqualTo(200);
    AdminClient.Response revoked = api.call("GET", "/v1/characters", null, modToken);
    assertThat(revoked.status()).isEqualTo(401);
    assertThat(reason(revoked)).isEqualTo("SESSION_REVOKED");

    String playerToken =
        oidcLogin(api, idToken(issuer, "sub-erase", "e@example.org"), null)
            .body()
            .path("accessToken")
            .asText();
    assertThat(api.call("DELETE", path, null, admin).status()).isBetween(200, 204);
    assertThat(api.call("GET", "/v1/characters", null, playerToken).status()).isEqualTo(401);
    AdminClient.Response afresh =
        oidcLogin(api, idToken(issuer, "sub-erase", "e@example.org"), null);
    assertThat(afresh.status()).isEqualTo(200);
    assertThat(claims(afresh).path("sub").asText()).isNotEqualTo(accountId);
  }

  @Test
  void aLogoutEndsTheAccessTokenOfItsSession() throws Exception {
    AdminClient.Response in = oidcLogin(api, idToken(issuer, "sub-out", "o@example.org"), null);
    String access = in.body().path("accessToken").asText();
    assertThat(api.call("GET", "/v1/characters", null, access).status()).isEqualTo(200);
    String refresh =
        JSON.writeValueAsString(Map.of("refreshToken", in.body().path("refreshToken").asText()));
    assertThat(api.call("POST", "/v1/auth/logout", refresh, null).status()).isEqualTo(204);
    AdminClient.Response after = api.call("GET", "/v1/characters", null, access);
    assertThat(after.status()).isEqualTo(401);
    assertThat(reason(after)).isEqualTo("SESSION_REVOKED");
  }

  private static AdminClient.Response register(String name) throws Exception {
    return api.call(
        "POST",
        "/v1/auth/register",
        JSON.writeValueAsString(
            Map.of("username", name, "password", PASSWORD, "email", "r@example.org")),
        null);
  }

  private static AdminClient.Response login(String name) throws Exception {
    return api.call(
        "POST",
        "/v1/auth/login",
        JSON.writeValueAsString(Map.of("username", name, "password", PASSWORD)),
        null);
  }
}
