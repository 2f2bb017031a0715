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

  /** The seed's lines, {@code provider - name: availability}, one list item each. */
  static String hardware(List<Hardware> items) {
    if (items.isEmpty()) {
      return document("<p class=\"empty\">No hardware yet.</p>");
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
        "<p class=\"unavailable\">The hardware service is unavailable right now."
            + " Please try again in a moment.</p>");
  }

  private static String escape(String text) {
    // UTF-8 so that only markup characters become entities; "Zürich" stays readable in the source.
    return HtmlUtils.htmlEscape(text, "UTF-8");
  }

  private static String document(String content) {
    return """
    <!DOCTYPE html>
    <html lang="en">
    <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>Flotilla hardware</title>
      <style>
        body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 40rem; padding: 0 1rem; }
        ul.hardware { line-height: 1.6; }
        p.unavailable { color: #a40000; }
      </style>
    </head>
    <body>
      <main>
        <h1>Hardware</h1>
        %s
        <p><a href="./">Refresh</a></p>
      </main>
    </body>
    </html>
    """
        .formatted(content);
  }
}
