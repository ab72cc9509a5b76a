package io.llmops.observability.evals.internal;

import io.llmops.observability.evals.ChatJudge;
import io.llmops.observability.evals.Judge;
import io.llmops.observability.evals.JudgeConfig;
import io.llmops.observability.evals.JudgeRequest;
import io.llmops.observability.evals.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * The judge used when {@code LLMOPS_JUDGE} is unset: Bedrock Converse on {@code MODEL_ID}, with
 * the AWS SDK's default credentials chain and the region of {@code AWS_REGION} or else the SDK's
 * region chain. Both are looked up on the first judgement, on the runner's thread (the chains may
 * ask the instance metadata service, which can take seconds off AWS); when either is missing,
 * the skip is logged once naming the variables to set, and every judgement fails with {@link
 * NoJudge.Unavailable}, which the runner counts as skipped. Needs the AWS SDK: loaded only when
 * it is present. Internal.
 */
public final class DefaultBedrockJudge implements Judge {

  private final String model;
  private final @Nullable String region;
  private final @Nullable String endpoint;
  private final Duration timeout;
  private final Object lock = new Object();
  private boolean resolved;
  private volatile @Nullable Judge bedrock;

  /** {@code region} (from {@code AWS_REGION}) and {@code endpoint} may be null. */
  public DefaultBedrockJudge(String model, @Nullable String region, @Nullable String endpoint,
      Duration timeout) {
    this.model = model;
    this.region = region;
    this.endpoint = endpoint;
    this.timeout = timeout;
  }

  @Override
  public CompletableFuture<Verdict> judge(JudgeRequest request) {
    Judge judge = resolve();
    return judge == null ? CompletableFuture.failedFuture(new NoJudge.Unavailable())
        : judge.judge(request);
  }

  private @Nullable Judge resolve() {
    synchronized (lock) {
      if (!resolved) {
        resolved = true;
        bedrock = create();
      }
      return bedrock;
    }
  }

  private @Nullable Judge create() {
    DefaultCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
    List<String> missing = new ArrayList<>();
    try {
      credentials.resolveCredentials();
    } catch (RuntimeException e) {
      // the chain's message lists where it looked (profile names, paths): not logged
      missing.add("AWS credentials (set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or"
          + " AWS_PROFILE, or run with an instance or container role)");
    }
    String found = region != null ? region : sdkRegion();
    if (found == null) {
      missing.add("AWS region (set " + JudgeConfig.REGION + ")");
    }
    if (!missing.isEmpty()) {
      credentials.close();
      NoJudge.logOnce("no judge is configured and the default judge (Bedrock on "
          + JudgeConfig.MODEL_ID + ") found no "
          + String.join(" and no ", missing) + "; or set " + JudgeConfig.JUDGE + "=openai with "
          + JudgeConfig.MODEL + ", or call JudgeEvaluations.install");
      return null;
    }
    return new ChatJudge(BedrockConverseChatModel.create(model, found, endpoint, timeout,
        credentials));
  }

  private static @Nullable String sdkRegion() {
    try {
      return new DefaultAwsRegionProviderChain().getRegion().id();
    } catch (RuntimeException e) {
      return null;
    }
  }

  @Override
  public Map<String, Object> describe() {
    Judge judge = bedrock;
    return judge != null ? judge.describe() : Map.of("backend", "bedrock", "model", model);
  }
}
