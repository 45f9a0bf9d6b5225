package org.bluemarble.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.bluemarble.edge.port.AuditPort;

class AuditPageWindowTest {

  private static AuditPort.Entry entry(int i) {
    return new AuditPort.Entry(
        "actor" + i, "name", "POST /admin/v1/x", "", "", "127.0.0.1", Instant.ofEpochSecond(i));
  }

  @Property(tries = 300)
  void aWindowedPageEqualsThePageOfTheWholeLogNewestFirst(
      @ForAll @IntRange(min = 0, max = 60) int entries,
      @ForAll @IntRange(min = 0, max = 70) int offset,
      @ForAll @IntRange(min = 1, max = 30) int limit) {
    AuditPort.Query query = new AuditPort.Query(null, null, null, null, null, offset, limit);
    AuditJournal.NewestWindow window = new AuditJournal.NewestWindow(query);
    List<AuditPort.Entry> all = new ArrayList<>();
    for (int i = 0; i < entries; i++) {
      all.add(entry(i));
      window.add(entry(i));
    }
    Collections.reverse(all);
    int from = Math.min(all.size(), offset);
    int to = Math.min(all.size(), from + limit);

    AuditPort.Page page = window.page();

    assertThat(page.entries()).containsExactlyElementsOf(all.subList(from, to));
    assertThat(page.total()).isEqualTo(entries);
    assertThat(page.offset()).isEqualTo(offset);
    assertThat(page.limit()).isEqualTo(limit);
  }

  @Property(tries = 50)
  void theWindowNeverHoldsMoreThanThePageNeeds(
      @ForAll @IntRange(min = 0, max = 20) int offset,
      @ForAll @IntRange(min = 1, max = 20) int limit) {
    AuditJournal.NewestWindow window =
        new AuditJournal.NewestWindow(
            new AuditPort.Query(null, null, null, null, null, offset, limit));
    for (int i = 0; i < 500; i++) {
      window.add(entry(i));
    }
    assertThat(window.held()).isLessThanOrEqualTo(offset + limit);
  }
}
