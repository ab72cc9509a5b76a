package io.llmops.observability.processor.service;

import io.llmops.observability.processor.BatchDecoder;
import io.llmops.observability.processor.BatchProcessor;
import io.llmops.observability.processor.DecodeLimits;
import io.llmops.observability.processor.LocalFolderStore;
import io.llmops.observability.processor.MergeWindows;
import io.llmops.observability.processor.MessageDecoder;
import io.llmops.observability.processor.ObjectStore;
import io.llmops.observability.processor.ObjectStoreDeadLetters;
import io.llmops.observability.processor.TraceProcessor;
import io.llmops.observability.processor.s3.S3ObjectStore;
import io.llmops.observability.processor.sink.ProcessorSinks;
import java.time.Clock;

/**
 * Builds the {@link BatchProcessor} that the service and the Lambda handlers run: the one place
 * where settings become a pipeline (docs/PROCESSOR.md, "Running it").
 */
public final class ProcessorAssembly {

  private ProcessorAssembly() {}

  /**
   * The processor for {@code settings}: messages decoded (rejections to {@code dead_letters/} in
   * the store), segments merged through the store ({@code LLMOPS_PROCESSOR_BUCKET} on S3, else
   * {@code <dataDir>/store}), whole traces delivered to the sinks {@code LLMOPS_PROCESSOR_SINKS}
   * names (the archive, in the same store, by default).
   *
   * @throws IllegalArgumentException naming a sink setting that is invalid
   */
  public static BatchProcessor create(ProcessorSettings settings) {
    ObjectStore store = settings.bucket() != null ? S3ObjectStore.forBucket(settings.bucket())
        : new LocalFolderStore(settings.dataDir().resolve("store"));
    Clock clock = Clock.systemUTC();
    BatchDecoder decoder = new BatchDecoder(new MessageDecoder(DecodeLimits.defaults()),
        new ObjectStoreDeadLetters(store, "dead_letters/"), clock);
    return new TraceProcessor(decoder, store,
        ProcessorSinks.fromSettings(settings.sinkSettings(), store), MergeWindows.defaults(),
        clock);
  }
}
