package io.flotilla.load;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;

/** The inventory's public page through the gateway (the private hardware service behind it). */
final class InventoryCalls {

  private InventoryCalls() {}

  static ChainBuilder page() {
    return exec(
        http("/portal/")
            .get("/portal/")
            .header("Accept", "text/html")
            .check(
                status().is(200),
                // The whole page, with at least one item: not the "No hardware yet" page.
                substring("<!DOCTYPE html>"),
                substring("<li>"),
                substring("</html>")));
  }
}
