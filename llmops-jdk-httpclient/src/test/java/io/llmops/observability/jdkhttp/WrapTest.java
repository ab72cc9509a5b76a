package io.llmops.observability.jdkhttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

  /**
   * On JDK 21 and later (HttpClient is AutoCloseable; run the suite on JDK 25 to see it) closing
   * the wrapper closes the delegate; on older JDKs, which have no such methods, the wrapper's own
   * do what JDK 21's defaults do for a client without them.
   */
  @Test
  void closingTheWrapperClosesTheDelegateWhereTheJdkCan() throws Exception {
    HttpClient delegate = HttpClient.newHttpClient();
    LlmopsHttpClient wrapped = (LlmopsHttpClient) LlmopsHttpClient.wrap(delegate);
    if (Runtime.version().feature() < 21) {
      wrapped.close();
      wrapped.shutdownNow();
      assertThat(wrapped.isTerminated()).isFalse();
      assertThat(wrapped.awaitTermination(Duration.ofMillis(1))).isTrue();
      return;
    }
    try (AutoCloseable closing = (AutoCloseable) (HttpClient) wrapped) {
      assertThat(terminated(delegate)).isFalse();
    }
    assertThat(terminated(delegate)).isTrue();
    assertThat(terminated(wrapped)).isTrue();
  }

  @Test
  void shuttingTheWrapperDownShutsTheDelegateDownWhereTheJdkCan() throws Exception {
    HttpClient delegate = HttpClient.newHttpClient();
    LlmopsHttpClient wrapped = (LlmopsHttpClient) LlmopsHttpClient.wrap(delegate);
    wrapped.shutdownNow();
    assertThat(wrapped.awaitTermination(Duration.ofSeconds(10))).isTrue();
    assertThat(wrapped.isTerminated()).isEqualTo(Runtime.version().feature() >= 21);
  }

  private static boolean terminated(HttpClient client) throws Exception {
    return (boolean) HttpClient.class.getMethod("isTerminated").invoke(client);
  }
}
