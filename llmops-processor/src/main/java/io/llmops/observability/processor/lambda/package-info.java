/**
 * The processor on AWS Lambda: {@link io.llmops.observability.processor.lambda.SqsEventHandler}
 * for SQS events (partial batch responses), {@link
 * io.llmops.observability.processor.lambda.SweepHandler} for the scheduled sweep. See
 * docs/PROCESSOR.md, "Running it".
 */
@NullMarked
package io.llmops.observability.processor.lambda;

import org.jspecify.annotations.NullMarked;
