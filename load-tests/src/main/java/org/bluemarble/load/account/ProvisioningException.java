package org.bluemarble.load.account;

/** Creating or logging in the bot accounts failed; the message names the request and answer. */
public final class ProvisioningException extends RuntimeException {

  /** With a message. */
  public ProvisioningException(String message) {
    super(message);
  }

  /** With a message and the cause. */
  public ProvisioningException(String message, Throwable cause) {
    super(message, cause);
  }
}
