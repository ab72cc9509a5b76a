package io.llmops.observability.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootVersion;

/**
 * The suite runs against the Spring Boot its module names: 3.5 in llmops-spring-boot-starter,
 * 4 in llmops-spring-boot4-tests (their surefire configurations set {@code expected.boot}).
 */
class BootVersionTest {

  @Test
  void theSuiteRunsAgainstTheExpectedSpringBoot() {
    assertThat(SpringBootVersion.getVersion()).startsWith(System.getProperty("expected.boot"));
  }
}
