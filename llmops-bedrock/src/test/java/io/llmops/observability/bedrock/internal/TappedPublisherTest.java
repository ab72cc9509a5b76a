package io.llmops.observability.bedrock.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.Llmops;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.Exported;
import io.llmops.observability.testing.TestConfigs;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

class TappedPublisherTest {

  private final CollectingSink sink = new CollectingSink();

  @BeforeEach
  void configure() {
    Llmops.configure(TestConfigs.isolated().addSink(sink).build());
  }

  @AfterEach
  void shutdown() {
    Llmops.shutdown(Duration.ofSeconds(5));
  }

  /** Emits the given buffers on request, then completes. */
  static Publisher<ByteBuffer> emitting(List<ByteBuffer> buffers) {
    return subscriber -> subscriber.onSubscribe(new Subscription() {
      int next;
      boolean done;

      @Override public void request(long n) {
        for (long i = 0; i < n && next < buffers.size(); i++) {
          subscriber.onNext(buffers.get(next++));
        }
        if (next == buffers.size() && !done) {
          done = true;
          subscriber.onComplete();
        }
      }

      @Override public void cancel() { }
    });
  }

  @Test
  void bytesThatAreNotAnEventStreamReachTheCallerUnchangedAndTheSpanStillEnds() {
    ByteBuffer first = ByteBuffer.wrap("HTTP garbage that is no prelude".getBytes(StandardCharsets.US_ASCII));
    ByteBuffer second = ByteBuffer.wrap(new byte[] {1, 2, 3});
    BedrockCall call = new BedrockCall(this, Operation.CONVERSE_STREAM,
        Llmops.generation("bedrock.converse_stream").model("m").startDetached(), "m", System.nanoTime());
    List<ByteBuffer> received = new ArrayList<>();
    boolean[] completed = {false};

    new TappedPublisher(emitting(List.of(first, second)), call).subscribe(new Subscriber<ByteBuffer>() {
      @Override public void onSubscribe(Subscription s) { s.request(Long.MAX_VALUE); }
      @Override public void onNext(ByteBuffer b) { received.add(b); }
      @Override public void onError(Throwable t) { }
      @Override public void onComplete() { completed[0] = true; }
    });

    assertThat(received).containsExactly(first, second);
    assertThat(first.position()).isZero();
    assertThat(second.remaining()).isEqualTo(3);
    assertThat(completed[0]).isTrue();
    assertThat(call.ended()).isTrue();
    JsonNode span = Exported.onlyTrace(sink).get("spans").get(0);
    assertThat(span.get("status").asText()).isEqualTo("success");
    assertThat(span.get("usage") == null || span.get("usage").isNull()).isTrue();
  }
}
