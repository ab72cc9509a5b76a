package io.llmops.observability.processor.service.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.llmops.observability.processor.BatchDecoder;
import io.llmops.observability.processor.BatchProcessor;
import io.llmops.observability.processor.BatchResult;
import io.llmops.observability.processor.IncomingMessage;
import io.llmops.observability.processor.ObjectStore;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;

/**
 * The interim pipeline, until the merge coordinator and the sinks are assembled: each message is
 * decoded ({@link BatchDecoder}, rejections to the dead letters) and its trace archived whole,
 * unmerged, at {@code traces/<trace_id>/<segment_id or "trace">.json}. A message whose trace could
 * not be written is retried. Nothing to sweep.
 */
public final class InterimPipeline implements BatchProcessor {

  private static final System.Logger LOG =
      System.getLogger("io.llmops.observability.processor.service");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final BatchDecoder decoder;
  private final ObjectStore store;

  public InterimPipeline(BatchDecoder decoder, ObjectStore store) {
    this.decoder = decoder;
    this.store = store;
  }

  @Override
  public BatchOutcome process(List<IncomingMessage> batch) {
    BatchResult result = decoder.decode(batch);
    List<String> retry = new ArrayList<>(result.failed());
    for (BatchResult.Decoded decoded : result.decoded()) {
      String segment = decoded.trace().segmentId() == null ? "trace" : decoded.trace().segmentId();
      String key = "traces/" + safe(decoded.trace().traceId()) + "/" + safe(segment) + ".json";
      try {
        store.put(key, JSON.writeValueAsBytes(decoded.trace().trace()));
      } catch (IOException | RuntimeException e) {
        LOG.log(Level.WARNING, "message {0}: trace not archived ({1}); left on the queue",
            decoded.messageId(), e.getClass().getName());
        retry.add(decoded.messageId());
      }
    }
    return new BatchOutcome(List.copyOf(retry));
  }

  @Override
  public int sweep() {
    return 0;
  }

  /** Ids name objects: keep only the characters a key allows. */
  private static String safe(String id) {
    String kept = id.replaceAll("[^A-Za-z0-9_-]", "_");
    return kept.length() > 128 ? kept.substring(0, 128) : kept;
  }
}
