package io.llmops.observability.capture;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.Llmops;
import io.llmops.observability.Span;
import io.llmops.observability.testing.Exported;
import io.llmops.observability.testing.TracingHarness;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Capture avoids application code where a structural copy can do, runs what it must run once,
 * and never while holding the span's lock: a slow {@code toString} delays only its own caller.
 */
@Timeout(60)
class UserCodeDuringCaptureTest {

  @RegisterExtension final TracingHarness tracing = new TracingHarness();

  /** A number of the application's own, counting every call of its methods. */
  static final class Money extends Number {
    static final AtomicInteger CALLS = new AtomicInteger();
    private final long cents = 1250;
    private final String currency = "EUR";

    @Override public int intValue() { CALLS.incrementAndGet(); return (int) cents; }
    @Override public long longValue() { CALLS.incrementAndGet(); return cents; }
    @Override public float floatValue() { CALLS.incrementAndGet(); return cents; }
    @Override public double doubleValue() { CALLS.incrementAndGet(); return cents; }
    @Override public String toString() { CALLS.incrementAndGet(); return "12.50 EUR"; }
  }

  /** A map key whose {@code toString}, {@code hashCode} and {@code equals} are counted. */
  static final class CountingKey {
    static final AtomicInteger TO_STRING = new AtomicInteger();
    private final String id = "k-1";

    @Override public String toString() { TO_STRING.incrementAndGet(); return "CountingKey"; }
  }

  /** Text whose {@code toString} is counted, and can be made to wait. */
  static final class SlowText implements CharSequence {
    final AtomicInteger calls = new AtomicInteger();
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release;

    SlowText(CountDownLatch release) {
      this.release = release;
    }

    @Override public int length() { return 4; }
    @Override public char charAt(int index) { return "text".charAt(index); }
    @Override public CharSequence subSequence(int start, int end) { return "text".subSequence(start, end); }

    @Override
    public String toString() {
      calls.incrementAndGet();
      entered.countDown();
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return "text";
    }
  }

  /** An exception whose {@code getMessage} is counted. */
  static final class CountingException extends RuntimeException {
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public String getMessage() {
      calls.incrementAndGet();
      return "counted";
    }
  }

  @Test
  void numbersOfTheApplicationAreReadThroughTheirFields() {
    Money.CALLS.set(0);
    try (Span span = Llmops.span("pay").input("amount", new Money()).start()) {
      span.setOutput(new Money());
    }
    JsonNode span = Exported.onlyTrace(tracing.sink()).path("spans").get(0);
    assertThat(Money.CALLS).hasValue(0);
    assertThat(span.path("output_data").path("output").path("cents").asLong()).isEqualTo(1250);
    assertThat(span.path("output_data").path("output").path("currency").asText()).isEqualTo("EUR");
  }

  @Test
  void mapKeysOfTheApplicationAreDescribedFromTheirFields() {
    CountingKey.TO_STRING.set(0);
    Map<Object, Object> map = new LinkedHashMap<>();
    map.put(new CountingKey(), "v");
    try (Span span = Llmops.span("keys").start()) {
      span.setOutput(map);
    }
    JsonNode output = Exported.onlyTrace(tracing.sink()).path("spans").get(0)
        .path("output_data").path("output");
    assertThat(CountingKey.TO_STRING).hasValue(0);
    assertThat(output.path("CountingKey{id=k-1}").asText()).isEqualTo("v");
  }

  @Test
  void aCharSequenceIsReadOnceAndAThrowableMessageOnce() {
    CountDownLatch open = new CountDownLatch(0);
    SlowText text = new SlowText(open);
    CountingException failure = new CountingException();
    try (Span span = Llmops.span("once").start()) {
      span.setInput("text", text);
      span.recordException(failure);
    }
    Exported.onlyTrace(tracing.sink());
    assertThat(text.calls).hasValue(1);
    assertThat(failure.calls).hasValue(1);
  }

  @Test
  void aSlowToStringDoesNotHoldTheSpanForOtherThreads() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    SlowText slow = new SlowText(release);
    Span span = Llmops.span("shared").startDetached();
    Thread writer = new Thread(() -> span.setInput("slow", slow), "writer");
    writer.start();
    try {
      assertThat(slow.entered.await(10, TimeUnit.SECONDS)).isTrue();
      Thread ender = new Thread(span::end, "ender");
      ender.start();
      ender.join(10_000);
      assertThat(ender.isAlive()).as("end() waited for another thread's toString()").isFalse();
      assertThat(span.isRecording()).isFalse();
    } finally {
      release.countDown();
      writer.join(10_000);
    }
    Exported.onlyTrace(tracing.sink());
  }
}
