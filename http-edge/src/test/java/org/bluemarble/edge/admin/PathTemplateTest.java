package org.bluemarble.edge.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PathTemplateTest {
  @Test
  void bindsVariablesToSegmentsAndIgnoresATrailingSlash() {
    assertThat(
            PathTemplate.match("/admin/v1/accounts/{accountId}/ban", "/admin/v1/accounts/42/ban/"))
        .contains(Map.of("accountId", "42"));
    assertThat(PathTemplate.match("/admin/v1/audit", "/admin/v1/audit")).contains(Map.of());
  }

  @Test
  void refusesOtherLiteralsOtherLengthsAndEmptyVariables() {
    assertThat(PathTemplate.match("/admin/v1/accounts/{id}", "/admin/v1/players/1")).isEmpty();
    assertThat(PathTemplate.match("/admin/v1/accounts/{id}", "/admin/v1/accounts/1/ban")).isEmpty();
    assertThat(PathTemplate.match("/admin/v1/accounts/{id}/ban", "/admin/v1/accounts//ban"))
        .isEmpty();
  }
}
