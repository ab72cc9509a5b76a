package io.llmops.observability.spring.boot.internal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@link DeliveryHealth} as Spring Boot 4's health indicator (Boot 4 moved the health API to
 * {@code org.springframework.boot.health.contributor}). Internal.
 */
public final class LlmopsBoot4HealthIndicator implements HealthIndicator {

  private final DeliveryHealth delivery = new DeliveryHealth();
  private final boolean downWhenFailing;

  public LlmopsBoot4HealthIndicator(boolean downWhenFailing) {
    this.downWhenFailing = downWhenFailing;
  }

  @Override
  public Health health() {
    DeliveryHealth.Report report = delivery.check();
    Health.Builder health = downWhenFailing && report.sinkFailing() ? Health.down() : Health.up();
    return health.withDetails(report.details()).build();
  }
}
