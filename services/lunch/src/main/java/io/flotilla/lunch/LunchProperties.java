package io.flotilla.lunch;

import jakarta.validation.constraints.NotNull;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The lunch service's settings. Overridable like any property, e.g. {@code
 * FLOTILLA_LUNCH_ZONE=UTC}. Its fault injection is the platform's, as in every service ({@code
 * flotilla.faults.*}).
 *
 * @param zone the time zone whose weekday picks the day's menu
 */
@Validated
@ConfigurationProperties("flotilla.lunch")
record LunchProperties(@DefaultValue("Europe/Stockholm") @NotNull ZoneId zone) {}
