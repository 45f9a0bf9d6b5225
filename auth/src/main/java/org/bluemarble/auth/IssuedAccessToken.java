package org.bluemarble.auth;

import java.time.Duration;
import java.time.Instant;

/**
 * A freshly signed access token, with what a login response needs ({@code expiresIn}).
 *
 * @param token the compact JWS
 */
public record IssuedAccessToken(
    String token, String tokenId, Instant expiresAt, Duration expiresIn) {}
