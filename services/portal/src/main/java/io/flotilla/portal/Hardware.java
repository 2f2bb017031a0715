package io.flotilla.portal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One item of hardware's {@code GET /hardware/} list. Fields the portal does not show ({@code id},
 * and whatever hardware adds later) are ignored, so hardware can grow without breaking the page.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record Hardware(String provider, String name, String availability) {

  /** What the page shows for a field hardware left out. */
  static final String UNKNOWN = "UNKNOWN";

  Hardware {
    // A missing field shows as a readable word rather than "null" or an error page.
    provider = provider == null ? "" : provider;
    name = name == null ? "" : name;
    availability = availability == null ? UNKNOWN : availability;
  }
}
