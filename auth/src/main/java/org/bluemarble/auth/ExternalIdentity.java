package org.bluemarble.auth;

import java.util.Optional;

/**
 * Who a verified ID token says the user is. {@code (provider, subject)} is the stable key to link
 * to an account; the email is a hint only (providers let users change it).
 */
public record ExternalIdentity(String provider, String subject, Optional<String> email) {}
