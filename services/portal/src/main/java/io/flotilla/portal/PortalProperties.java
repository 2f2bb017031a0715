package io.flotilla.portal;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the hardware service is and how long the portal waits for it, checked at start-up.
 * Overridable like any property, e.g. {@code
 * FLOTILLA_PORTAL_HARDWARE_URLS=http://a:8086,http://b:8086}. {@code application.yaml} hands them
 * to the platform's client: the replicas to Spring Cloud's simple discovery ({@code
 * spring.cloud.discovery.client.simple.instances.hardware}), the rest to {@code
 * flotilla.client.services.hardware.*}.
 *
 * @param hardwareUrls the hardware replicas' base URLs; pages spread over them round-robin
 * @param connectTimeout how long to wait for a replica to accept the connection before trying the
 *     next one
 * @param readTimeout how long to wait for a replica's answer before trying the next one; longer
 *     than hardware's cold availability probe (about 5 s)
 * @param replicaCooldown how long a replica that failed is tried after the others
 */
@Validated
@ConfigurationProperties("flotilla.portal")
record PortalProperties(
    @DefaultValue("http://localhost:8086") @NotEmpty List<@NotNull URI> hardwareUrls,
    @DefaultValue("1s") @NotNull Duration connectTimeout,
    @DefaultValue("10s") @NotNull Duration readTimeout,
    @DefaultValue("10s") @NotNull Duration replicaCooldown) {}
