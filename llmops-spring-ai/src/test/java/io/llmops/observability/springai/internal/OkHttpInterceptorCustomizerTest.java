package io.llmops.observability.springai.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmops.observability.Llmops;
import io.llmops.observability.testing.CapturedLog;
import io.llmops.observability.testing.TracingHarness;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Interceptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The customizer, as a proxy of an interface shaped like Spring AI 2's (this module's tests run on
 * Spring AI 1.1; llmops-spring-ai2-tests runs it on the real one).
 */
class OkHttpInterceptorCustomizerTest {

  @RegisterExtension final TracingHarness tracing = new TracingHarness();

  /** The shape of Spring AI 2's {@code OpenAiHttpClientBuilderCustomizer}. */
  interface Customizer {
    void customize(Object builder);
  }

  /** The shape of Spring AI 2's client builder: it takes interceptors. */
  public static final class ClientBuilder {
    final List<Interceptor> interceptors = new ArrayList<>();

    public ClientBuilder interceptor(Interceptor interceptor) {
      interceptors.add(interceptor);
      return this;
    }
  }

  private final Customizer customizer =
      (Customizer) OkHttpInterceptorCustomizer.implementing(Customizer.class);

  @Test
  void itAddsTheRecordingInterceptorToTheBuilder() {
    ClientBuilder builder = new ClientBuilder();
    customizer.customize(builder);
    assertThat(builder.interceptors).singleElement()
        .extracting(interceptor -> interceptor.getClass().getPackageName())
        .isEqualTo("io.llmops.observability.okhttp.internal");
  }

  @Test
  void aBuilderWithoutInterceptorsIsLeftAloneCountedAndLoggedOnce() {
    try (CapturedLog log = CapturedLog.open()) {
      customizer.customize("not a client builder");

      assertThat(Llmops.stats().get("spring_ai.trace_failed")).isEqualTo(1);
      assertThat(log.text()).contains("OpenAI HTTP client was not fully recorded");
    }
  }

  @Test
  void itIsAnObjectLikeAnyOther() {
    assertThat(customizer).isEqualTo(customizer).isNotEqualTo(new Object());
    assertThat(customizer.hashCode()).isEqualTo(System.identityHashCode(customizer));
    assertThat(customizer.toString()).contains("OkHttp");
  }
}
