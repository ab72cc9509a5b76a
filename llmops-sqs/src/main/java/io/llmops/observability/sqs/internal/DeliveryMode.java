package io.llmops.observability.sqs.internal;

/** Whether messages wait for SQS in memory or in the journal ({@code LLMOPS_SQS_DELIVERY}). Internal. */
public enum DeliveryMode {
  /**
   * Messages wait in memory and reach the journal only when SQS cannot take them: a crash loses
   * those still in memory (queued, or in a worker's batch).
   */
  IN_MEMORY,
  /**
   * Every message is written to the journal before {@code export} returns and marked done there
   * once SQS took it: a crash loses none of them (a few may arrive twice).
   */
  WRITE_AHEAD;
}
