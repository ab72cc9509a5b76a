package io.llmops.observability.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.batchmanager.SqsAsyncBatchManager;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * The measurement behind docs/SQS.md's decision not to use SqsAsyncBatchManager: how many
 * SendMessageBatch requests it needs for ten 150 KB messages (which one 1 MiB request holds).
 */
class BatchManagerMeasurementTest {

  @Test
  void theSdkBatchManagerSplitsTenMessagesOf150KbIntoManyRequests() {
    try (ElasticMq server = ElasticMq.start()) {
      String queue = server.createQueue("measure");
      AtomicInteger batchRequests = new AtomicInteger();
      AtomicInteger batchEntries = new AtomicInteger();
      ExecutionInterceptor counter = new ExecutionInterceptor() {
        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
          if (context.request() instanceof SendMessageBatchRequest batch) {
            batchRequests.incrementAndGet();
            batchEntries.addAndGet(batch.entries().size());
          }
        }
      };
      try (SqsAsyncClient client = SqsAsyncClient.builder()
          .endpointOverride(URI.create("http://127.0.0.1:" + server.port))
          .region(Region.US_EAST_1)
          .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
          .overrideConfiguration(c -> c.addExecutionInterceptor(counter))
          .build();
          SqsAsyncBatchManager manager = client.batchManager()) {
        String body = "x".repeat(150_000);
        List<CompletableFuture<?>> sends = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
          sends.add(manager.sendMessage(SendMessageRequest.builder().queueUrl(queue).messageBody(body).build()));
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
      }
      System.out.println("SqsAsyncBatchManager: 10 x 150 KB messages -> " + batchRequests.get()
          + " SendMessageBatch request(s) carrying " + batchEntries.get() + " entries");
      // One 1 MiB SendMessageBatch request could carry six of these; the manager's 256 KiB cap
      // (with 16 KiB reserved per message) forces one message per request.
      assertThat(batchRequests.get()).isGreaterThanOrEqualTo(5);
    }
  }
}
