package org.bluemarble.auth;

import java.time.Instant;

/**
 * A refresh token as a {@link RefreshTokenStore} keeps it: never the secret, only its SHA-256.
 *
 * @param tokenHash lower-case hex SHA-256 of the token
 * @param familyId shared by every token rotated from the same login; revoked as a whole on reuse
 * @param accountId whose token it is
 * @param expiresAt after this the token is refused (and the store may forget it)
 */
public record StoredRefreshToken(
    String tokenHash, String familyId, String accountId, Instant expiresAt) {}
