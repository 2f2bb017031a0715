package io.flotilla.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The page's HTML on its own, no Spring: the exact lines and what escaping does to them. */
class PortalPageRenderingTest {

  @Test
  void theRowsAreAListOfTheOriginalLines() {
    String page =
        PortalPage.hardware(
            List.of(new Hardware("Amazon", "c5", "HIGH"), new Hardware("Azure", "H16mr", "LOW")));

    assertThat(page)
        .contains(
            """
                <ul class="hardware">
                  <li>Amazon - c5: HIGH</li>
                  <li>Azure - H16mr: LOW</li>
                </ul>
            """);
  }

  @Test
  void thePageLeadsBackToTheWebAppAndExplainsAvailability() {
    String page = PortalPage.hardware(List.of(new Hardware("Amazon", "c5", "HIGH")));

    assertThat(page)
        .contains("<a href=\"../\">← Back to the web app</a>")
        .contains(
            "Availability is HIGH,\n      MEDIUM or LOW as the inventory's availability check")
        .contains("<a href=\"./\">Refresh</a>");
    assertThat(PortalPage.unavailable()).contains("← Back to the web app");
  }

  @Test
  void everyMarkupCharacterIsEscaped() {
    String page = PortalPage.hardware(List.of(new Hardware("A&B <x>", "'n\"", "HIGH")));

    assertThat(page).contains("<li>A&amp;B &lt;x&gt; - &#39;n&quot;: HIGH</li>");
  }

  @Test
  void missingFieldsShowAsEmptyAndUnknown() {
    assertThat(PortalPage.hardware(List.of(new Hardware(null, null, null))))
        .contains("<li> - : UNKNOWN</li>");
  }

  @Test
  void theUnavailablePageHasNoList() {
    assertThat(PortalPage.unavailable())
        .startsWith("<!DOCTYPE html>")
        .contains("The hardware service is unavailable right now.")
        .doesNotContain("<ul");
  }
}
