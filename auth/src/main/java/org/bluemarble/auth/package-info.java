/**
 * The security core of accounts: password hashing ({@link org.bluemarble.auth.PasswordHasher}),
 * input rules ({@link org.bluemarble.auth.AccountRules}), access tokens ({@link
 * org.bluemarble.auth.TokenService} with a rotating {@link org.bluemarble.auth.KeyRing}), refresh
 * tokens ({@link org.bluemarble.auth.RefreshTokens} over a {@link
 * org.bluemarble.auth.RefreshTokenStore}), sessions ({@link org.bluemarble.auth.SessionStore}),
 * rate limits ({@link org.bluemarble.auth.RateLimiter}) and external identity ({@link
 * org.bluemarble.auth.OidcVerifier}). No HTTP and no actors here: the edge's routes and the Account
 * entity stand on these classes.
 *
 * <p>Profiles: the embedded default uses {@code InMemoryRefreshTokenStore}, {@code
 * InMemorySessionStore}, {@code Bucket4jRateLimiter.inProcess} and a generated key ring; production
 * uses the Redis adapters on one shared Jedis {@code UnifiedJedis} (e.g. {@code
 * RedisClient.create(host, port)}) and keys loaded by {@code KeyRingFiles}. Redis calls block: call
 * them from a dedicated dispatcher, never on an actor's thread.
 *
 * <p>A login, as the edge should compose it: take one token from {@code LOGIN_ADDRESS} (source
 * address) and {@code LOGIN_ACCOUNT} (the {@code usernameKey}) limits; look the account up; if it
 * is unknown call {@code verifyAgainstDummy} so the answer takes as long as a wrong password; on
 * success open a session with {@link org.bluemarble.auth.SessionLogins#open} (a refresh token in a
 * new family, the session under the family's id and an access token carrying it as {@code sid}),
 * and rehash when {@code needsRehash}. A {@code TokenService} built with a {@link
 * org.bluemarble.auth.SessionCheck} refuses tokens whose session has ended. Map {@code
 * TokenRejection}, {@code RefreshTokens.Rejection} and {@code OidcRejection} to 401, {@code
 * InvalidAccountInputException} to 400 and a refused {@code RateLimitDecision} to 429 with its
 * headers.
 *
 * <p>Benchmark (prints logins/s and token validations/s): {@code ./mvnw -B -q -pl http-edge
 * test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test}
 * then {@code java -cp http-edge/target/test-classes:http-edge/target/classes:$(cat /tmp/cp.txt)
 * org.bluemarble.auth.AuthBenchmark}.
 */
package org.bluemarble.auth;
