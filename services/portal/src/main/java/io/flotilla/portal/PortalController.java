package io.flotilla.portal;

import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;

/** The public portal: {@code GET /} shows the hardware list as an HTML page. */
@Controller
class PortalController {

  private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

  private final HardwareClient hardware;

  PortalController(HardwareClient hardware) {
    this.hardware = hardware;
  }

  @GetMapping("/")
  ResponseEntity<String> page() {
    return ResponseEntity.ok().contentType(HTML).body(PortalPage.hardware(hardware.list()));
  }

  /**
   * An HTML page for people rather than the platform's problem+json: the portal's callers are
   * browsers. The failures themselves are logged and counted by {@link HardwareClient}.
   */
  @ExceptionHandler
  ResponseEntity<String> unavailable(HardwareUnavailableException exception) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .contentType(HTML)
        .body(PortalPage.unavailable());
  }
}
