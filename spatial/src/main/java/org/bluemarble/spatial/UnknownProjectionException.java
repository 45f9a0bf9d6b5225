package org.bluemarble.spatial;

import java.util.List;

/** Thrown by {@link Projections#byName} for a name it does not know; names the supported ones. */
public class UnknownProjectionException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String requestedName;
  private final List<String> supportedNames;

  /**
   * @param requestedName the name asked for
   * @param supportedNames the names that would have worked
   */
  public UnknownProjectionException(String requestedName, List<String> supportedNames) {
    super(
        "projection = '"
            + requestedName
            + "' is not supported; supported: "
            + String.join(", ", supportedNames));
    this.requestedName = requestedName;
    this.supportedNames = List.copyOf(supportedNames);
  }

  /** The name asked for. */
  public String requestedName() {
    return requestedName;
  }

  /** The canonical names of the supported projections. */
  public List<String> supportedNames() {
    return supportedNames;
  }
}
