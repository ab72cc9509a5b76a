package io.llmops.observability.processor.service;

import io.llmops.observability.processor.BatchDecoder;
import io.llmops.observability.processor.BatchProcessor;
import io.llmops.observability.processor.DecodeLimits;
import io.llmops.observability.processor.LocalFolderDeadLetters;
import io.llmops.observability.processor.LocalFolderStore;
import io.llmops.observability.processor.MessageDecoder;
import io.llmops.observability.processor.service.internal.InterimPipeline;
import java.time.Clock;

/**
 * Builds the {@link BatchProcessor} that the service and the Lambda handlers run: the one place
 * where settings become a pipeline.
 */
public final class ProcessorAssembly {

  private ProcessorAssembly() {}

  /**
   * The processor for {@code settings}. Interim: decodes each message (dead letters under
   * {@code <dataDir>/dead-letters}) and archives each decoded trace whole, unmerged, in a
   * {@link LocalFolderStore} at {@code <dataDir>/store/traces/<trace_id>/}; the merge
   * coordinator and the sinks take its place.
   */
  public static BatchProcessor create(ProcessorSettings settings) {
    BatchDecoder decoder = new BatchDecoder(new MessageDecoder(DecodeLimits.defaults()),
        new LocalFolderDeadLetters(settings.dataDir().resolve("dead-letters")), Clock.systemUTC());
    return new InterimPipeline(decoder, new LocalFolderStore(settings.dataDir().resolve("store")));
  }
}
