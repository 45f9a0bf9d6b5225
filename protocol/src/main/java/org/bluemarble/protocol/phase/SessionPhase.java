package org.bluemarble.protocol.phase;

/** Where a server-side session stands; decides which client messages are allowed. */
public enum SessionPhase {
  /** Connected; only Hello (and Ping) allowed. */
  NEW,
  /** Hello accepted; Authenticate allowed. */
  GREETED,
  /** Authenticated; EnterWorld, RequestConnectToken, chat allowed. */
  AUTHENTICATED,
  /** A character is in the world; movement allowed. */
  IN_WORLD,
  /** Closing; nothing more is handled. */
  CLOSED
}
