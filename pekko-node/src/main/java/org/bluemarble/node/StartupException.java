package org.bluemarble.node;

/**
 * The node cannot start; the message is one line for the operator (what failed, which setting, what
 * to do).
 */
final class StartupException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  StartupException(String message, Throwable cause) {
    super(message, cause);
  }
}
