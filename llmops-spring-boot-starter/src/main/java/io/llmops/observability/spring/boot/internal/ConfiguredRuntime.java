package io.llmops.observability.spring.boot.internal;

import io.llmops.observability.Llmops;
import io.llmops.observability.LlmopsConfig;
import io.llmops.observability.spi.SdkLog;
import org.springframework.beans.factory.DisposableBean;

/**
 * Installs the configuration when the context starts and delivers what is queued, within the
 * configuration's {@code LLMOPS_SHUTDOWN_TIMEOUT}, when it closes. The export worker itself
 * stops at JVM exit (another context may still record). Internal.
 */
public final class ConfiguredRuntime implements DisposableBean {

  private final LlmopsConfig config;

  public ConfiguredRuntime(LlmopsConfig config) {
    this.config = config;
    Llmops.configure(config);
  }

  @Override
  public void destroy() {
    try {
      if (!Llmops.flush(config.shutdownTimeout())) {
        SdkLog.warn("llmops: not everything queued was delivered within "
            + config.shutdownTimeout() + " when the Spring context closed (Llmops.stats() counts it)");
      }
    } catch (RuntimeException e) {
      SdkLog.errorOnce("spring-flush", "llmops: could not flush when the Spring context closed", e);
    }
  }
}
