package org.bluemarble.stream;

import static org.bluemarble.stream.ProtoValues.ms;
import static org.bluemarble.stream.ProtoValues.str;

import java.util.List;
import org.bluemarble.admin.AuditLog;
import org.bluemarble.protocol.events.v1.AuditEvent;
import org.bluemarble.protocol.events.v1.EventEnvelope;

/** The admin audit log's entries. */
final class AuditEventMapping implements EventMapping {
  @Override
  public Domain domain() {
    return Domain.AUDIT;
  }

  @Override
  public List<Class<?>> eventTypes() {
    return List.of(AuditLog.Recorded.class);
  }

  @Override
  public void map(Object event, EventEnvelope.Builder into) {
    if (!(event instanceof AuditLog.Recorded e)) {
      throw ProtoValues.unknown(event);
    }
    into.setAudit(
        AuditEvent.newBuilder()
            .setActorId(str(e.actorId()))
            .setActorName(str(e.actorName()))
            .setAction(str(e.action()))
            .setTarget(str(e.target()))
            .setDetails(str(e.details()))
            .setRemoteAddress(str(e.remoteAddress()))
            .setAtMs(ms(e.at())));
  }
}
