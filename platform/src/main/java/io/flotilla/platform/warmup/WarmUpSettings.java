package io.flotilla.platform.warmup;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The requests a service answers itself before it reports ready ({@link WarmUp}).
 *
 * @param enabled false to report ready without them
 * @param timeout how long each may take; one that does not answer in time is left, never fatal
 * @param requests the service's own: requests that reach its controllers' arguments, validation and
 *     JSON bodies, and answer without changing anything or calling another service; none for {@code
 *     GET /flotilla-warm-up}, a 404 through the filters, the dispatcher and the problems
 */
@Validated
@ConfigurationProperties("flotilla.warm-up")
record WarmUpSettings(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("5s") @NotNull @DurationMin(millis = 1) Duration timeout,
    @DefaultValue List<@Valid Request> requests) {

  /**
   * One request: {@code method: POST}, {@code path: /api/v1/auth/login}, {@code body: '{}'}.
   *
   * @param body sent as JSON when given
   */
  record Request(
      @DefaultValue("GET") @Pattern(regexp = "GET|HEAD|POST|PUT|DELETE|OPTIONS") String method,
      @NotBlank @Pattern(regexp = "/.*") String path,
      String body) {}
}
