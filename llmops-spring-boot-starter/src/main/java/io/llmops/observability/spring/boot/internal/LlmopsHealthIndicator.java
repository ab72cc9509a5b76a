package io.llmops.observability.spring.boot.internal;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/** {@link DeliveryHealth} as Spring Boot 3's health indicator. Internal. */
public final class LlmopsHealthIndicator implements HealthIndicator {

  private final DeliveryHealth delivery = new DeliveryHealth();
  private final boolean downWhenFailing;

  public LlmopsHealthIndicator(boolean downWhenFailing) {
    this.downWhenFailing = downWhenFailing;
  }

  @Override
  public Health health() {
    DeliveryHealth.Report report = delivery.check();
    Health.Builder health = downWhenFailing && report.sinkFailing() ? Health.down() : Health.up();
    return health.withDetails(report.details()).build();
  }
}
