package io.llmops.observability.jdkhttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** The wrapper itself: what wrap returns, what it passes on to the delegate. */
class WrapTest {

  @Test
  void wrappingAWrappedClientReturnsItAsItIs() {
    HttpClient wrapped = LlmopsHttpClient.wrap(HttpClient.newHttpClient());
    assertThat(LlmopsHttpClient.wrap(wrapped)).isSameAs(wrapped);
  }

  @Test
  void aNullDelegateIsRejectedByName() {
    assertThatThrownBy(() -> LlmopsHttpClient.wrap(null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("delegate");
  }

  @Test
  void theDelegatesSettingsAreReportedAsTheyAre() {
    HttpClient delegate = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
        .followRedirects(HttpClient.Redirect.NORMAL).version(HttpClient.Version.HTTP_1_1)
        .executor(Executors.newSingleThreadExecutor()).build();
    HttpClient wrapped = LlmopsHttpClient.wrap(delegate);

    assertThat(wrapped.connectTimeout()).isEqualTo(delegate.connectTimeout());
    assertThat(wrapped.followRedirects()).isEqualTo(HttpClient.Redirect.NORMAL);
    assertThat(wrapped.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
    assertThat(wrapped.executor()).isEqualTo(delegate.executor());
    assertThat(wrapped.sslContext()).isSameAs(delegate.sslContext());
    assertThat(wrapped.proxy()).isEqualTo(delegate.proxy());
    assertThat(wrapped.newWebSocketBuilder()).isNotNull();
  }

  /** Runs on JDK 21 and later, where HttpClient is AutoCloseable (run the suite on JDK 25). */
  @Test
  void closingTheWrapperClosesTheDelegate() throws Exception {
    assumeTrue(Runtime.version().feature() >= 21, "HttpClient.close() exists from JDK 21");
    HttpClient delegate = HttpClient.newHttpClient();
    HttpClient wrapped = LlmopsHttpClient.wrap(delegate);
    try (AutoCloseable closing = (AutoCloseable) wrapped) {
      assertThat(terminated(delegate)).isFalse();
    }
    assertThat(terminated(delegate)).isTrue();
    assertThat(terminated(wrapped)).isTrue();
  }

  @Test
  void shuttingTheWrapperDownShutsTheDelegateDown() throws Exception {
    assumeTrue(Runtime.version().feature() >= 21, "HttpClient.shutdown() exists from JDK 21");
    HttpClient delegate = HttpClient.newHttpClient();
    HttpClient wrapped = LlmopsHttpClient.wrap(delegate);
    HttpClient.class.getMethod("shutdownNow").invoke(wrapped);
    assertThat(HttpClient.class.getMethod("awaitTermination", Duration.class)
        .invoke(wrapped, Duration.ofSeconds(10))).isEqualTo(true);
    assertThat(terminated(delegate)).isTrue();
  }

  private static boolean terminated(HttpClient client) throws Exception {
    return (boolean) HttpClient.class.getMethod("isTerminated").invoke(client);
  }
}
