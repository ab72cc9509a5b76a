package io.llmops.observability.spring.boot.internal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@link DeliveryHealth} as Spring Boot 4's health indicator (Boot 4 moved the health API to
 * {@code org.springframework.boot.health.contributor}). Internal.
 */
public final class LlmopsBoot4HealthIndicator implements HealthIndicator {

  private final DeliveryHealth delivery;

  public LlmopsBoot4HealthIndicator(DeliveryHealth delivery) {
    this.delivery = delivery;
  }

  @Override
  public Health health() {
    DeliveryHealth.Report report = delivery.check();
    return (report.down() ? Health.down() : Health.up()).withDetails(report.details()).build();
  }
}
