package io.llmops.observability.weaving;

import io.llmops.observability.TrackFunction;
import io.llmops.observability.TrackLlmTool;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Methods returning Reactor publishers, whose spans end with them: woven at build time. */
public class ReactiveLookups {

  @TrackLlmTool(name = "lookup")
  public Mono<String> lookup(String key) {
    return Mono.fromSupplier(() -> "value of " + key);
  }

  @TrackFunction(name = "stream")
  public Flux<Integer> stream(int count) {
    return Flux.range(1, count);
  }
}
