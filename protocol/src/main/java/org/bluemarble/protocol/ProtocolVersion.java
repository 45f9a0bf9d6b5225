package org.bluemarble.protocol;

/**
 * The protocol version spoken on the client wire, and which versions a server accepts.
 *
 * <p>A client sends {@link #CURRENT} in its Hello; a server accepts versions in {@code
 * [MIN_SUPPORTED, CURRENT]} and answers anything else with HelloRejected and a close.
 */
public final class ProtocolVersion {

  /** The version this build speaks. Raise it on every incompatible wire change. */
  public static final int CURRENT = 1;

  /** The oldest client version this build still accepts. */
  public static final int MIN_SUPPORTED = 1;

  private ProtocolVersion() {}

  /** Whether a server of this build accepts a client speaking {@code version}. */
  public static boolean isSupported(long version) {
    return version >= MIN_SUPPORTED && version <= CURRENT;
  }

  /**
   * Checks a client's version.
   *
   * @throws ProtocolException with code PROTOCOL_VERSION naming the accepted range
   */
  public static void requireSupported(long version) {
    if (!isSupported(version)) {
      throw new ProtocolException(
          org.bluemarble.protocol.v1.Error.Code.CODE_PROTOCOL_VERSION,
          "protocol_version "
              + version
              + " is not supported; this server accepts "
              + MIN_SUPPORTED
              + ".."
              + CURRENT);
    }
  }
}
