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
    // Styled like the web app (its colours, header and type), inline so the page stands alone on
    // the portal's own port too. "../" leads back to the web app behind the gateway.
    return """
    <!DOCTYPE html>
    <html lang="en">
    <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>Flotilla hardware</title>
      <style>
        :root { --ink: #1d2330; --muted: #5b6475; --paper: #fff; --wash: #f3f5f9; --line: #d8dde6;
          --accent: #1f5fbf; --danger: #b3261e; color-scheme: light; line-height: 1.5;
          font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
          color: var(--ink); background: var(--wash); }
        body { margin: 0; }
        header { background: var(--ink); }
        header nav { max-width: 48rem; margin: 0 auto; padding: .5rem 1rem; display: flex; gap: 1rem;
          align-items: baseline; }
        header a { color: var(--paper); text-decoration: none; }
        header a:hover { text-decoration: underline; }
        .brand { font-weight: 700; font-size: 1.2rem; }
        main { max-width: 48rem; margin: 0 auto; padding: 1rem; }
        a { color: var(--accent); }
        section { background: var(--paper); border: 1px solid var(--line); border-radius: 8px;
          padding: .25rem 1.25rem; }
        ul.hardware { line-height: 1.9; padding-left: 1.25rem; }
        p.unavailable { color: var(--danger); }
        .note { color: var(--muted); font-size: .9rem; }
      </style>
    </head>
    <body>
      <header>
        <nav><a class="brand" href="../">Flotilla</a><a href="../">← Back to the web app</a></nav>
      </header>
      <main>
        <h1>Hardware</h1>
        <section>
        %s
        </section>
        <p class="note">Each line is <em>provider - name: availability</em>. Availability is HIGH,
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
