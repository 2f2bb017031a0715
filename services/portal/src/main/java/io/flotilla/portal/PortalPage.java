package io.flotilla.portal;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.web.util.HtmlUtils;

/**
 * The portal's HTML, written out here rather than through a template engine: one small page does
 * not need one. Every piece of data from hardware goes through {@link #escape}. Links are relative
 * so that the page works both at {@code /} and behind the gateway at {@code /portal/}.
 */
final class PortalPage {

  private PortalPage() {}

  /** One list item per row, {@code provider - name: availability}, as the original page had. */
  static String hardware(List<Hardware> items) {
    if (items.isEmpty()) {
      return document("<p class=\"hint\">No hardware yet.</p>");
    }
    return document(
        items.stream()
            .map(item ->
                "      <li>"
                    + escape(item.provider())
                    + " - "
                    + escape(item.name())
                    + ": "
                    + escape(item.availability())
                    + "</li>\n")
            .collect(Collectors.joining("", "<ul class=\"hardware\">\n", "    </ul>")));
  }

  /** The 503 page: says what is wrong in words, never how (no exception, no stack trace). */
  static String unavailable() {
    return document(
        "<p class=\"message error\">The hardware service is unavailable right now."
            + " Please try again in a moment.</p>");
  }

  private static String escape(String text) {
    // UTF-8 so that only markup characters become entities; "Zürich" stays readable in the source.
    return HtmlUtils.htmlEscape(text, "UTF-8");
  }

  private static String document(String content) {
    // The web app's own stylesheet and header, so the page looks like the rest of Flotilla with
    // no copy of its CSS and no inline style (the gateway's Content-Security-Policy allows
    // neither). Behind the gateway at /portal/, "../" is the web app and "../app.css" its styles.
    return """
    <!DOCTYPE html>
    <html lang="en">
    <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>Flotilla hardware</title>
      <link rel="stylesheet" href="../app.css">
    </head>
    <body>
      <header class="site-header">
        <nav><a class="brand" href="../">Flotilla</a> <a href="../">← Back to the web app</a></nav>
      </header>
      <main>
        <h1>Hardware</h1>
        <div class="card">
        %s
        </div>
        <p class="hint">Each line is <em>provider - name: availability</em>. Availability is HIGH,
          MEDIUM or LOW as the inventory's availability check last answered; it is checked again in
          the background once a minute old, and shows UNKNOWN while a check is still running
          past its deadline.</p>
        <p><a href="./">Refresh</a></p>
      </main>
    </body>
    </html>
    """
        .formatted(content);
  }
}
