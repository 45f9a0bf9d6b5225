package org.bluemarble.shred;

import org.bluemarble.node.CborSerializable;

/**
 * An event with {@link Personal} fields: they are encrypted with the key of {@link #dataSubject()}
 * (an account or character id), so erasing that subject's key makes them unreadable. Bound to
 * {@link PersonalSerializer} in {@code serialization.conf}.
 */
public interface DataSubject extends CborSerializable {
  /** The id whose key encrypts this event's personal fields. */
  String dataSubject();
}
