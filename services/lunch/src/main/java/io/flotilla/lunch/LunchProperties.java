package io.flotilla.lunch;

import jakarta.validation.constraints.NotNull;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The lunch service's settings. Overridable like any property, e.g. {@code FLOTILLA_LUNCH_ZONE=UTC}
 * or {@code FLOTILLA_LUNCH_FAULTS_ERROR_RATE=0.2}.
 *
 * @param zone the time zone whose weekday picks the day's menu
 * @param faults the faults injected from startup on; {@code PUT /faults} changes them at runtime
 */
@Validated
@ConfigurationProperties("flotilla.lunch")
record LunchProperties(
    @DefaultValue("Europe/Stockholm") @NotNull ZoneId zone,
    @DefaultValue @NotNull FaultSettings faults) {}
