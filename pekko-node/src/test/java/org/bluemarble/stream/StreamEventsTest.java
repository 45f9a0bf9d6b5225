package org.bluemarble.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.Message;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.bluemarble.account.Account;
import org.bluemarble.admin.AuditLog;
import org.bluemarble.market.holdings.Holdings;
import org.bluemarble.market.holdings.Leg;
import org.bluemarble.node.CborSerializable;
import org.bluemarble.protocol.events.v1.EventEnvelope;
import org.junit.jupiter.api.Test;

class StreamEventsTest {

  /**
   * Every sealed {@code Event} interface compiled into the node (found by walking the classes
   * directory, so an entity added tomorrow is found too), plus the audit log's event class.
   */
  static List<Class<?>> journalEventTypes() throws IOException, URISyntaxException {
    Path root = Path.of(Account.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Class<?>> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith("$Event.class")).toList()) {
        String name = root.relativize(file).toString().replace('/', '.');
        Class<?> type = load(name.substring(0, name.length() - ".class".length()));
        if (type.isInterface()
            && type.isSealed()
            && CborSerializable.class.isAssignableFrom(type)) {
          found.add(type);
        }
      }
    }
    found.add(AuditLog.Recorded.class);
    return found;
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, StreamEventsTest.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Class<?>> concreteEvents(Class<?> type) {
    if (!type.isSealed()) {
      return List.of(type);
    }
    List<Class<?>> out = new ArrayList<>();
    for (Class<?> sub : type.getPermittedSubclasses()) {
      out.addAll(concreteEvents(sub));
    }
    return out;
  }

  @Test
  void findsTheEntitiesEventInterfaces() throws Exception {
    List<Class<?>> types = journalEventTypes();
    assertTrue(types.size() >= 12, "found only " + types);
    assertTrue(types.contains(Holdings.Event.class));
  }

  @Test
  void mapsEveryEventClassOfEveryEntity() throws Exception {
    List<String> unmapped = new ArrayList<>();
    int mapped = 0;
    for (Class<?> type : journalEventTypes()) {
      for (Class<?> eventClass : concreteEvents(type)) {
        Object event = SampleEvents.sample(eventClass);
        if (!StreamEvents.isMapped(event)) {
          unmapped.add(eventClass.getName());
          continue;
        }
        EventEnvelope envelope =
            StreamEvents.envelope("X|id-1", 7, 1000, List.of("x-0"), Map.of(), event);
        assertNotEquals(EventEnvelope.EventCase.EVENT_NOT_SET, envelope.getEventCase());
        Message domain = (Message) envelope.getField(fieldOf(envelope));
        for (OneofDescriptor oneof : domain.getDescriptorForType().getOneofs()) {
          assertTrue(
              domain.hasOneof(oneof),
              eventClass.getName() + " leaves " + oneof.getName() + " unset");
        }
        assertEquals(envelope, EventEnvelope.parseFrom(envelope.toByteArray()));
        mapped++;
      }
    }
    assertEquals(List.of(), unmapped, "events without a stream mapping");
    assertTrue(mapped > 50, "mapped only " + mapped);
  }

  @Test
  void distinctEventsOfOneEntityMapToDistinctCases() throws Exception {
    for (Class<?> type : journalEventTypes()) {
      List<Class<?>> events = concreteEvents(type);
      Set<String> cases = new java.util.HashSet<>();
      for (Class<?> eventClass : events) {
        EventEnvelope envelope =
            StreamEvents.envelope(
                "X|id", 1, 1, List.of(), Map.of(), SampleEvents.sample(eventClass));
        Message domain = (Message) envelope.getField(fieldOf(envelope));
        StringBuilder key = new StringBuilder(envelope.getEventCase().name());
        for (OneofDescriptor oneof : domain.getDescriptorForType().getOneofs()) {
          key.append('/').append(domain.getOneofFieldDescriptor(oneof).getName());
        }
        cases.add(key.toString());
      }
      assertEquals(events.size(), cases.size(), "cases of " + type.getName());
    }
  }

  @Test
  void envelopeCarriesWhereTheEventCameFrom() {
    Account.RoleGranted granted =
        (Account.RoleGranted) SampleEvents.sample(Account.RoleGranted.class);
    EventEnvelope e =
        StreamEvents.envelope(
            "Account|acc-9", 42, 1234, List.of("account-3"), Map.of("shop", "B"), granted);
    assertEquals("Account", e.getEntityType());
    assertEquals("acc-9", e.getEntityId());
    assertEquals("Account|acc-9", e.getPersistenceId());
    assertEquals(42, e.getSequenceNr());
    assertEquals(1234, e.getTimestampMs());
    assertEquals(List.of("account-3"), e.getTagsList());
    assertEquals("B", e.getExperimentsMap().get("shop"));
    assertEquals(Domain.ACCOUNTS, StreamEvents.domainOf(granted));
    assertEquals("a1", e.getAccount().getRoleGranted().getAccountId());
  }

  @Test
  void registrationLeavesSecretsOut() {
    Object registered = SampleEvents.sample(Account.AccountRegistered.class);
    EventEnvelope e = StreamEvents.envelope("Account|a1", 1, 1, List.of(), Map.of(), registered);
    assertFalse(e.toString().contains("email"));
    assertFalse(e.toString().contains("password"));
  }

  @Test
  void mapsLegsWithItems() {
    Holdings.LegApplied applied =
        (Holdings.LegApplied) SampleEvents.sample(Holdings.LegApplied.class);
    Leg leg = applied.leg();
    EventEnvelope e = StreamEvents.envelope("Holdings|p1", 1, 1, List.of(), Map.of(), applied);
    var proto = e.getEconomy().getLegApplied().getLeg();
    assertEquals(leg.copper(), proto.getCopper());
    assertEquals(leg.items().get(0).itemId(), proto.getItems(0).getItemId());
    assertEquals(Domain.ECONOMY, StreamEvents.domainOf(applied));
  }

  @Test
  void unknownEventIsRefusedByName() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> StreamEvents.envelope("X|1", 1, 1, List.of(), Map.of(), "not an event"));
    assertTrue(e.getMessage().contains("java.lang.String"));
  }

  private static com.google.protobuf.Descriptors.FieldDescriptor fieldOf(EventEnvelope e) {
    return EventEnvelope.getDescriptor().findFieldByNumber(e.getEventCase().getNumber());
  }
}
