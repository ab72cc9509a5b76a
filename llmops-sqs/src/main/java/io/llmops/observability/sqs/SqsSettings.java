package io.llmops.observability.sqs;

/**
 * Names used by the SQS sink: the variables it reads (validated with the core's when a
 * configuration is built, see {@code SqsSinkProvider.settings()}), and the counters it adds to
 * {@code Llmops.stats()}. Every variable can be set in the
 * environment, as a system property, in {@code .env}, or in code with
 * {@code LlmopsConfig.builder().set(name, value)}. See docs/SQS.md. Constants only.
 */
public final class SqsSettings {

  private SqsSettings() {}

  /** The queue that receives traces; setting it enables the sink unless {@code LLMOPS_SINKS} is set. */
  public static final String QUEUE_URL = "AWS_SQS_URL";
  /** The AWS profile of the credentials; default {@code default}. */
  public static final String PROFILE = "AWS_PROFILE";
  /** The AWS region; default the queue URL's region, else {@code us-east-1}. */
  public static final String REGION = "AWS_REGION";
  /** Worker threads sending batches; 1 to 64, default 4. */
  public static final String WORKER_COUNT = "LLMOPS_SQS_WORKER_COUNT";
  /** Messages per SendMessageBatch; 1 to 10, default 10. */
  public static final String BATCH_SIZE = "LLMOPS_SQS_BATCH_SIZE";
  /** Seconds a batch waits to fill; default 0.2. */
  public static final String BATCH_TIMEOUT = "LLMOPS_SQS_BATCH_TIMEOUT";
  /** Seconds of quiet after which a partial batch is sent; default 0.15. */
  public static final String FLUSH_TIME_THRESHOLD = "LLMOPS_SQS_FLUSH_TIME_THRESHOLD";
  /** Seconds shutdown spends sending before it spills the rest; default 1. */
  public static final String SHUTDOWN_TIMEOUT = "LLMOPS_SQS_SHUTDOWN_TIMEOUT";
  /** Retries of a failed send before spilling; 0 to 20, default 3. */
  public static final String RETRY_ATTEMPTS = "LLMOPS_SQS_RETRY_ATTEMPTS";
  /** Seconds before the first retry; default 0.1. */
  public static final String RETRY_DELAY = "LLMOPS_SQS_RETRY_DELAY";
  /** Factor between retry delays; at least 1.0, default 2.0. */
  public static final String RETRY_BACKOFF_MULTIPLIER = "LLMOPS_SQS_RETRY_BACKOFF_MULTIPLIER";
  /** Upper bound of a retry delay in seconds; default 0.5. */
  public static final String RETRY_MAX_DELAY = "LLMOPS_SQS_RETRY_MAX_DELAY";
  /** Milliseconds {@code export} may wait for room in memory before spilling; default 250. */
  public static final String IMMEDIATE_MAX_BLOCK = "LLMOPS_SQS_IMMEDIATE_MAX_BLOCK_MS";
  /** Directory of the spillover journal; default {@code llmops-spillover} in the working directory. */
  public static final String SPILLOVER_DIR = "LLMOPS_SPILLOVER_DIR";
  /** Size cap of the journal in bytes; the oldest records are evicted (and counted) beyond it. */
  public static final String SPILLOVER_MAX_BYTES = "LLMOPS_SPILLOVER_MAX_BYTES";
  /** {@code always} (fsync every append, default), {@code rotate} (at segment close) or {@code never}. */
  public static final String SPILLOVER_FSYNC = "LLMOPS_SPILLOVER_FSYNC";
  /** Seconds between replay attempts while the journal holds records; default 2. */
  public static final String SPILLOVER_REPLAY_INTERVAL = "LLMOPS_SPILLOVER_REPLAY_INTERVAL";
  /**
   * {@code in-memory} (default: messages wait for a worker in memory and reach the journal only
   * when SQS cannot take them) or {@code write-ahead} (every message is written to the journal
   * before it is sent, and marked done there once SQS took it, so that a crash loses none).
   */
  public static final String DELIVERY = "LLMOPS_SQS_DELIVERY";
  /** Seconds one SQS request may take before it counts as failed; default 5. */
  public static final String REQUEST_TIMEOUT = "LLMOPS_SQS_REQUEST_TIMEOUT";
  /** Messages held in memory waiting for a worker; beyond it they spill to disk. Default 10000. */
  public static final String MAX_PENDING_MESSAGES = "LLMOPS_SQS_MAX_PENDING";
  /** Bytes held in memory waiting for a worker; beyond it they spill to disk. Default 32 MiB. */
  public static final String MAX_PENDING_BYTES = "LLMOPS_SQS_MAX_PENDING_BYTES";

  /** Messages SQS accepted. */
  public static final String COUNTER_SENT = "sqs.sent";
  /** SendMessageBatch requests made (by the workers and the replay); sent / requests is the mean batch size. */
  public static final String COUNTER_REQUESTS = "sqs.requests";
  /** Messages sent again after a failed attempt (one per message per retry). */
  public static final String COUNTER_RETRIED = "sqs.retried";
  /** Messages written to the spillover journal. */
  public static final String COUNTER_SPILLED = "sqs.spilled";
  /** Messages read back from the journal and accepted by SQS. */
  public static final String COUNTER_REPLAYED = "sqs.replayed";
  /**
   * Journal messages this process took over from another: found in its directory at start, or
   * adopted from the {@code process-<pid>} subdirectory of a process that is gone.
   */
  public static final String COUNTER_INHERITED = "sqs.inherited";
  /**
   * Messages sent again although an earlier attempt may have reached SQS (it timed out, or the
   * connection broke after the request was written, or it was under way at shutdown or at a
   * crash): each may have made one extra copy in the queue, with the same idempotency key.
   */
  public static final String COUNTER_POSSIBLE_DUPLICATES = "sqs.possible_duplicates";
  /** Journal records deleted to stay under {@link #SPILLOVER_MAX_BYTES}. */
  public static final String COUNTER_EVICTED = "sqs.evicted";
  /** Journal records skipped because their checksum did not match. */
  public static final String COUNTER_CORRUPT = "sqs.spill_corrupt";
  /** Messages sent without the {@code trace_id}/{@code type} attributes to stay within 1 MiB. */
  public static final String COUNTER_ATTRIBUTES_OMITTED = "sqs.attributes_omitted";
  /** Lost because the journal could not be written (unwritable directory, full disk). */
  public static final String DROPPED_SPILL_FAILED = "dropped.spill_failed";
  /** Lost because SQS rejected the message itself, permanently, when replayed. */
  public static final String DROPPED_REJECTED = "dropped.sqs_rejected";
}
