package org.bluemarble.auth;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules an account's username, email and password must follow, checked before anything is
 * hashed or stored. Use {@link #usernameKey(String)} as the cluster-wide uniqueness key so that
 * {@code Alice} and {@code alice} are one name.
 *
 * <p>Length is checked before any pattern so that hostile megabyte strings are rejected in constant
 * work.
 */
public final class AccountRules {
  public static final int USERNAME_MIN = 3;
  public static final int USERNAME_MAX = 50;
  public static final int PASSWORD_MIN = 10;
  public static final int PASSWORD_MAX = 128;

  /** RFC 5321's limit on a forward path. */
  public static final int EMAIL_MAX = 254;

  private static final Pattern USERNAME = Pattern.compile("[a-zA-Z0-9_-]{3,50}");
  // Deliberately simple: one @, a non-empty local part, a dotted domain, no spaces or controls.
  // Deliverability is proven by mail.
  private static final Pattern EMAIL =
      Pattern.compile("[^@\\s\\p{Cntrl}]{1,64}@[A-Za-z0-9-]{1,63}(\\.[A-Za-z0-9-]{1,63})+");

  private AccountRules() {}

  /** Checks a username and returns it unchanged. */
  public static String validateUsername(String username) {
    if (username == null || username.isEmpty()) {
      throw new InvalidAccountInputException("username", "is required");
    }
    if (username.length() < USERNAME_MIN || username.length() > USERNAME_MAX) {
      throw new InvalidAccountInputException(
          "username",
          "must be "
              + USERNAME_MIN
              + " to "
              + USERNAME_MAX
              + " characters, was "
              + username.length());
    }
    if (!USERNAME.matcher(username).matches()) {
      throw new InvalidAccountInputException(
          "username", "may contain only letters a-z, A-Z, digits, '_' and '-'");
    }
    return username;
  }

  /** The case-insensitive uniqueness key of a valid username. */
  public static String usernameKey(String username) {
    return validateUsername(username).toLowerCase(Locale.ROOT);
  }

  /** Checks an email address for sanity and returns it unchanged. */
  public static String validateEmail(String email) {
    if (email == null || email.isEmpty()) {
      throw new InvalidAccountInputException("email", "is required");
    }
    if (email.length() > EMAIL_MAX) {
      throw new InvalidAccountInputException(
          "email", "must be at most " + EMAIL_MAX + " characters, was " + email.length());
    }
    if (!EMAIL.matcher(email).matches()) {
      throw new InvalidAccountInputException(
          "email", "must look like name@example.org (no spaces or control characters)");
    }
    return email;
  }

  /**
   * Checks a new password against the length rules, control characters and the account's username.
   */
  public static void validatePassword(String password, String username) {
    if (password == null || password.isEmpty()) {
      throw new InvalidAccountInputException("password", "is required");
    }
    if (password.length() < PASSWORD_MIN || password.length() > PASSWORD_MAX) {
      throw new InvalidAccountInputException(
          "password",
          "must be "
              + PASSWORD_MIN
              + " to "
              + PASSWORD_MAX
              + " characters, was "
              + password.length());
    }
    if (password.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidAccountInputException("password", "must not contain control characters");
    }
    if (username != null && password.equalsIgnoreCase(username)) {
      throw new InvalidAccountInputException("password", "must not equal the username");
    }
  }
}
