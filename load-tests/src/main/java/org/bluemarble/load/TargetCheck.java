package org.bluemarble.load;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The driver only talks to loopback or to an address the user named: this resolves {@code --target}
 * and says which of the two it is. Every connection of the run (HTTP, WebSocket, UDP) goes to this
 * address; addresses a server hands out (e.g. inside a UDP connect token) are not followed.
 */
public final class TargetCheck {

  private TargetCheck() {}

  /**
   * One line describing the target, e.g. {@code 127.0.0.1 (loopback)}.
   *
   * @param explicit whether the user gave {@code --target}
   * @throws IllegalArgumentException when the host does not resolve, or a non-loopback target was
   *     not given explicitly
   */
  public static String describe(String target, boolean explicit) {
    InetAddress address;
    try {
      address = InetAddress.getByName(target);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("--target '" + target + "' does not resolve", e);
    }
    if (address.isLoopbackAddress()) {
      return target + " (" + address.getHostAddress() + ", loopback)";
    }
    if (!explicit) {
      throw new IllegalArgumentException(
          "refusing non-loopback target " + target + " that was not given with --target");
    }
    return target
        + " ("
        + address.getHostAddress()
        + ", NOT loopback: allowed because given explicitly with --target)";
  }
}
