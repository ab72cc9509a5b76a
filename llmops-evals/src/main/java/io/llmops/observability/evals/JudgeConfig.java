package io.llmops.observability.evals;

import io.llmops.observability.LlmopsConfig;
import io.llmops.observability.SettingKey;
import io.llmops.observability.evals.internal.BedrockConverseChatModel;
import io.llmops.observability.evals.internal.DefaultBedrockJudge;
import io.llmops.observability.evals.internal.OpenAiChatModel;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The judge and runner settings, read from the same sources as the rest of the SDK (system
 * properties, environment variables, {@code .env}). Invalid values raise
 * IllegalArgumentException naming the variable. {@link #toString()} never shows the API key.
 * Immutable and thread-safe.
 *
 * <table>
 *   <caption>Variables</caption>
 *   <tr><td>{@value #JUDGE}</td><td>{@code openai} (any OpenAI-compatible endpoint), {@code
 *       bedrock} (Converse; needs the AWS SDK's bedrockruntime) or {@code none}: which judge the
 *       background runner uses. Unset: the default judge, Bedrock on {@code MODEL_ID} when the
 *       AWS SDK is present and its default chains find credentials and a region</td></tr>
 *   <tr><td>{@value #MODEL}</td><td>the judge model (required for {@code openai} and {@code
 *       bedrock})</td></tr>
 *   <tr><td>{@value #BASE_URL}</td><td>default {@code https://api.openai.com/v1}; for Bedrock an
 *       endpoint override (default: the region's)</td></tr>
 *   <tr><td>{@value #REGION}</td><td>the Bedrock region; with {@code LLMOPS_JUDGE=bedrock}
 *       default {@code us-east-1}, for the default judge the SDK's region chain when unset</td></tr>
 *   <tr><td>{@value #API_KEY}</td><td>bearer token; optional (Ollama, vLLM)</td></tr>
 *   <tr><td>{@value #TIMEOUT}</td><td>seconds per judgement, default 30</td></tr>
 *   <tr><td>{@value #QUEUE_SIZE}</td><td>evaluations waiting at most, default 1000</td></tr>
 *   <tr><td>{@value #THREADS}</td><td>evaluations running at once, default 2</td></tr>
 *   <tr><td>{@value #SHUTDOWN_TIMEOUT}</td><td>seconds queued evaluations may hold up JVM exit,
 *       default 5</td></tr>
 * </table>
 */
public final class JudgeConfig {

  public static final String JUDGE = "LLMOPS_JUDGE";
  public static final String MODEL = "LLMOPS_JUDGE_MODEL";
  public static final String BASE_URL = "LLMOPS_JUDGE_BASE_URL";
  public static final String API_KEY = "LLMOPS_JUDGE_API_KEY";
  public static final String TIMEOUT = "LLMOPS_JUDGE_TIMEOUT";
  public static final String QUEUE_SIZE = "LLMOPS_EVAL_QUEUE_SIZE";
  public static final String THREADS = "LLMOPS_EVAL_THREADS";
  public static final String SHUTDOWN_TIMEOUT = "LLMOPS_EVAL_SHUTDOWN_TIMEOUT";
  /** The core's default model, that of the default judge. */
  public static final String MODEL_ID = "MODEL_ID";

  /** {@value #JUDGE} unset: the default judge, Bedrock when AWS is resolvable. */
  private static final String DEFAULT = "default";

  /** The AWS region of the Bedrock judge (the SDK's own variable). */
  public static final String REGION = "AWS_REGION";

  public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
  /** The region of {@code LLMOPS_JUDGE=bedrock} when {@value #REGION} is unset. */
  public static final String DEFAULT_REGION = "us-east-1";
  public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(5);

  private final String backend;
  private final @Nullable String model;
  private final @Nullable String defaultModel;
  private final @Nullable String baseUrl;
  private final Optional<String> region;
  private final @Nullable String apiKey;
  private final Duration timeout;
  private final int queueSize;
  private final int threads;
  private final Duration shutdownTimeout;

  private JudgeConfig(Source source, @Nullable String defaultModel) {
    backend = text(source, JUDGE).orElse(DEFAULT).toLowerCase(Locale.ROOT);
    if (!List.of(DEFAULT, "none", "openai", "bedrock").contains(backend)) {
      throw new IllegalArgumentException(JUDGE + " must be openai, bedrock or none, but the value set ("
          + backend.length() + " characters) is not; values are never shown in errors");
    }
    model = text(source, MODEL).orElse(null);
    if ((backend.equals("openai") || backend.equals("bedrock")) && model == null) {
      throw new IllegalArgumentException(MODEL + " is required when " + JUDGE + "=" + backend);
    }
    this.defaultModel = defaultModel;
    region = text(source, REGION);
    String url = source.get(Keys.BASE_URL);
    baseUrl = url != null ? url : backend.equals("openai") ? DEFAULT_BASE_URL : null;
    apiKey = text(source, API_KEY).orElse(null);
    timeout = source.get(Keys.TIMEOUT);
    queueSize = source.get(Keys.QUEUE_SIZE);
    threads = source.get(Keys.THREADS);
    shutdownTimeout = source.get(Keys.SHUTDOWN_TIMEOUT);
  }

  /**
   * Where the settings come from: a configuration, which parses typed keys itself (naming the
   * source of a bad value), or raw text (tests, frameworks), parsed here with the same keys.
   */
  private interface Source extends Function<String, Optional<String>> {
    <T> @Nullable T get(SettingKey<T> key);

    static Source of(LlmopsConfig config) {
      return new Source() {
        @Override
        public Optional<String> apply(String name) {
          return config.raw(name);
        }

        @Override
        public <T> @Nullable T get(SettingKey<T> key) {
          return config.get(key);
        }
      };
    }

    static Source of(Function<String, Optional<String>> raw) {
      return new Source() {
        @Override
        public Optional<String> apply(String name) {
          return raw.apply(name);
        }

        @Override
        public <T> @Nullable T get(SettingKey<T> key) {
          Optional<String> text = text(raw, key.name());
          return text.isPresent() ? key.parse("configuration", key.name(), text.get())
              : key.defaultValue();
        }
      };
    }
  }

  /** The typed settings, parsed and reported as the core parses and reports its own. */
  private static final class Keys {
    static final SettingKey<String> BASE_URL =
        SettingKey.httpUrl(JudgeConfig.BASE_URL, "an http or https URL", null);
    static final SettingKey<Duration> TIMEOUT =
        SettingKey.seconds(JudgeConfig.TIMEOUT, 0.001, 3600, Duration.ofSeconds(30));
    static final SettingKey<Integer> QUEUE_SIZE =
        SettingKey.integer(JudgeConfig.QUEUE_SIZE, 1, 1_000_000, 1000);
    static final SettingKey<Integer> THREADS = SettingKey.integer(JudgeConfig.THREADS, 1, 64, 2);
    static final SettingKey<Duration> SHUTDOWN_TIMEOUT =
        SettingKey.seconds(JudgeConfig.SHUTDOWN_TIMEOUT, 0, 600, DEFAULT_SHUTDOWN_TIMEOUT);
  }

  /**
   * The settings of {@code config}'s sources.
   *
   * @throws IllegalArgumentException when a variable is invalid (the message names it)
   */
  public static JudgeConfig from(LlmopsConfig config) {
    return new JudgeConfig(Source.of(config), config.defaultModelId());
  }

  /**
   * The settings of any source of raw values (tests, frameworks); the source answers an empty
   * {@code Optional} for a variable that is not set. The default judge's model is its {@value
   * #MODEL_ID}; without one there is no default judge.
   *
   * @throws IllegalArgumentException when a variable is invalid (the message names it)
   */
  public static JudgeConfig from(Function<String, Optional<String>> source) {
    return new JudgeConfig(Source.of(source), text(source, MODEL_ID).orElse(null));
  }

  /**
   * The judge these settings select: empty for {@code none}, and with {@value #JUDGE} unset when
   * the AWS SDK is absent ({@link #whyNoJudge()} says what to set).
   *
   * @throws IllegalArgumentException when {@code bedrock} is selected and the AWS SDK's
   *     bedrockruntime is not on the class path
   */
  public Optional<Judge> createJudge() {
    if (backend.equals("openai")) {
      return Optional.of(new ChatJudge(new OpenAiChatModel(baseUrl, model, apiKey, timeout)));
    }
    if (backend.equals("bedrock")) {
      if (!bedrockSdkPresent()) {
        throw new IllegalArgumentException(JUDGE + "=bedrock needs software.amazon.awssdk:"
            + "bedrockruntime (and an SDK HTTP client) on the class path");
      }
      return Optional.of(new ChatJudge(BedrockConverseChatModel.create(model,
          region.orElse(DEFAULT_REGION), baseUrl, timeout)));
    }
    if (backend.equals(DEFAULT) && defaultModel != null && bedrockSdkPresent()) {
      return Optional.of(new DefaultBedrockJudge(defaultModel, region.orElse(null), baseUrl,
          timeout));
    }
    return Optional.empty();
  }

  /** Why {@link #createJudge()} is empty, naming what to set; one line, no values. */
  public String whyNoJudge() {
    if (backend.equals("none")) {
      return JUDGE + "=none";
    }
    return "no judge is configured and the default judge (Bedrock on " + MODEL_ID + ") needs"
        + " software.amazon.awssdk:bedrockruntime on the class path with AWS credentials and "
        + REGION + "; or set " + JUDGE + "=openai with " + MODEL + " (and " + BASE_URL + "), or"
        + " call JudgeEvaluations.install";
  }

  /** {@code openai}, {@code bedrock}, {@code none}, or {@code default} when unset. */
  public String backend() {
    return backend;
  }

  /** How long one judgement may take. */
  public Duration timeout() {
    return timeout;
  }

  /** Evaluations waiting at most. */
  public int queueSize() {
    return queueSize;
  }

  /** Evaluations running at once. */
  public int threads() {
    return threads;
  }

  /** How long evaluations still queued at JVM exit may hold it up. */
  public Duration shutdownTimeout() {
    return shutdownTimeout;
  }

  /** Checked without loading the SDK-dependent class, which would fail to link without it. */
  private static boolean bedrockSdkPresent() {
    try {
      Class.forName("software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient",
          false, JudgeConfig.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private static Optional<String> text(Function<String, Optional<String>> source, String name) {
    return source.apply(name).map(String::strip).filter(v -> !v.isEmpty());
  }

  @Override
  public String toString() {
    return "JudgeConfig{judge=" + backend + ", model=" + (backend.equals(DEFAULT) ? defaultModel
        : model) + ", baseUrl=" + baseUrl
        + (backend.equals("openai") ? "" : ", region=" + region.orElse("unset"))
        + ", apiKey=" + (apiKey == null ? "unset" : "[REDACTED]") + ", timeout=" + timeout
        + ", queueSize=" + queueSize + ", threads=" + threads
        + ", shutdownTimeout=" + shutdownTimeout + "}";
  }
}
