/**
 * The processor as a service (EKS or any host): {@link
 * io.llmops.observability.processor.service.SqsConsumerService} consumes an SQS queue with
 * long-polling consumers, {@link io.llmops.observability.processor.service.HealthEndpoint} serves
 * {@code /health}, {@link io.llmops.observability.processor.service.ProcessorMain} runs both
 * from settings. See docs/PROCESSOR.md, "Running it".
 */
@NullMarked
package io.llmops.observability.processor.service;

import org.jspecify.annotations.NullMarked;
