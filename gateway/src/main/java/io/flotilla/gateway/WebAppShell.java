package io.flotilla.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code GET /} (and {@code HEAD /}): the web app's page, with the same caching as its other assets
 * (revalidated on every use, 304 when unchanged). Spring Boot's welcome page would serve it without
 * either.
 */
@Configuration(proxyBeanMethods = false)
class WebAppShell {

  @Bean
  RouterFunction<ServerResponse> webAppPage(@Value("classpath:/static/index.html") Resource page) {
    Instant lastModified = lastModified(page);
    return RouterFunctions.route(
        RequestPredicates.GET("/").or(RequestPredicates.HEAD("/")),
        request ->
            request
                .checkNotModified(lastModified)
                .switchIfEmpty(
                    ServerResponse.ok()
                        .contentType(MediaType.TEXT_HTML)
                        .cacheControl(CacheControl.noCache())
                        .lastModified(lastModified)
                        .bodyValue(page)));
  }

  private static Instant lastModified(Resource page) {
    try {
      // HTTP dates have whole seconds: a finer time would never compare equal to If-Modified-Since.
      return Instant.ofEpochSecond(page.lastModified() / 1000);
    } catch (IOException e) {
      throw new UncheckedIOException("the web app's index.html is missing from the gateway", e);
    }
  }
}
