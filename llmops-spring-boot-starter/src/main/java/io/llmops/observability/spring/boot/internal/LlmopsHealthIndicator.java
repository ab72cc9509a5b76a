package io.llmops.observability.spring.boot.internal;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/** {@link DeliveryHealth} as Spring Boot 3's health indicator. Internal. */
public final class LlmopsHealthIndicator implements HealthIndicator {

  private final DeliveryHealth delivery;

  public LlmopsHealthIndicator(DeliveryHealth delivery) {
    this.delivery = delivery;
  }

  @Override
  public Health health() {
    DeliveryHealth.Report report = delivery.check();
    return (report.down() ? Health.down() : Health.up()).withDetails(report.details()).build();
  }
}
