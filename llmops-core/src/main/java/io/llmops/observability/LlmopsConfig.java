package io.llmops.observability;

import io.llmops.observability.export.TraceSink;
import io.llmops.observability.internal.common.Arguments;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * Immutable, validated configuration. Each variable is looked up, highest first, in the values
 * set on the builder, system properties, environment variables, a {@code .env} file in the
 * working directory, and the defaults. {@link Builder#build()} rejects a bad value with an
 * IllegalArgumentException that names the variable. See docs/CONFIGURATION.md.
 *
 * <p>Immutable and thread-safe. No accessor throws, except {@link #get} for a module's key whose
 * value is invalid. {@link Builder} is not thread-safe.
 */
public final class LlmopsConfig {

  private final LlmopsEngine.ResolvedSettings settings;
  private final List<TraceSink> extraSinks;

  private LlmopsConfig(LlmopsEngine.ResolvedSettings settings, List<TraceSink> sinks) {
    this.settings = settings;
    this.extraSinks = List.copyOf(sinks);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Configuration from system properties, environment variables, {@code .env} and defaults.
   *
   * @throws IllegalArgumentException when a variable has an invalid value (the message names it)
   */
  public static LlmopsConfig fromEnvironment() {
    return builder().build();
  }

  /**
   * The value of {@code key} from the configured sources, or its default. The core's settings
   * and those of the sink providers on the class path were validated when this configuration
   * was built; another module's key is read when first asked for.
   *
   * @return the value; null only when the variable is not set and {@code key} has no default
   * @throws IllegalArgumentException naming the variable when a module's key, read for the first
   *     time, has a value it rejects, or when {@code key} is null
   */
  public <T> @Nullable T get(SettingKey<T> key) {
    return settings.get(Arguments.requireNonNull(key, "key"));
  }

  /**
   * The raw text of any variable from the configured sources, for modules with own settings;
   * empty when no source sets it to a non-blank value.
   */
  public Optional<String> raw(String name) {
    return settings.raw(Arguments.requireNonNull(name, "name"));
  }

  public boolean enabled() {
    return get(LlmopsSettings.ENABLED);
  }

  public String projectId() {
    return get(LlmopsSettings.PROJECT_ID);
  }

  public String environment() {
    return get(LlmopsSettings.ENVIRONMENT);
  }

  public String defaultModelId() {
    return get(LlmopsSettings.MODEL_ID);
  }

  /** Sink names from {@code LLMOPS_SINKS}; empty means automatic choice. */
  public List<String> sinkNames() {
    return get(LlmopsSettings.SINKS);
  }

  /** Sink instances added in code with {@link Builder#addSink}. */
  public List<TraceSink> extraSinks() {
    return extraSinks;
  }

  public Path fileSinkDir() {
    return Path.of(get(LlmopsSettings.FILE_SINK_DIR));
  }

  public int maxMessageBytes() {
    return get(LlmopsSettings.MAX_MESSAGE_BYTES);
  }

  public int exportQueueCapacity() {
    return get(LlmopsSettings.EXPORT_QUEUE_CAPACITY);
  }

  /** Spans kept per trace; later ones are dropped and counted ({@code dropped.span_limit}). */
  public int maxSpansPerTrace() {
    return get(LlmopsSettings.MAX_SPANS_PER_TRACE);
  }

  public List<String> redactKeys() {
    return get(LlmopsSettings.REDACT_KEYS);
  }

  public boolean autoTrace() {
    return get(LlmopsSettings.AUTO_TRACE);
  }

  public Duration finalizeGrace() {
    return get(LlmopsSettings.FINALIZE_GRACE);
  }

  public Duration shutdownTimeout() {
    return get(LlmopsSettings.SHUTDOWN_TIMEOUT);
  }

  @Override
  public String toString() {
    return "LlmopsConfig{projectId=" + projectId() + ", environment=" + environment()
        + ", sinks=" + sinkNames() + "}";
  }

  /**
   * Collects explicit values and, for tests and embedding, replacement sources. The setters
   * reject what they can check at once (a null or blank argument) with IllegalArgumentException;
   * {@link #build()} checks every value against its variable.
   *
   * <p>Not thread-safe: fill and build it on one thread.
   */
  public static final class Builder {
    private final Map<String, String> explicit = new HashMap<>();
    private final List<TraceSink> sinks = new ArrayList<>();
    private @Nullable Map<String, String> environment;
    private @Nullable Properties systemProperties;
    private @Nullable Path dotEnvFile = Path.of(".env");

    private Builder() {}

    /**
     * Sets any variable by its name, with the highest precedence; {@link #build()} validates the
     * value.
     *
     * @throws IllegalArgumentException when {@code name} is null or blank, or {@code value} is
     *     null
     */
    public Builder set(String name, String value) {
      Arguments.requireNonBlank(name, "name");
      explicit.put(name, Arguments.requireNonNull(value, name));
      return this;
    }

    /**
     * Sets {@code LLMOPS_PROJECT_ID}.
     *
     * @throws IllegalArgumentException when {@code projectId} is null
     */
    public Builder projectId(String projectId) {
      return set(LlmopsSettings.PROJECT_ID.name(), projectId);
    }

    /**
     * Sets {@code LLMOPS_ENV}.
     *
     * @throws IllegalArgumentException when {@code environment} is null
     */
    public Builder environment(String environment) {
      return set(LlmopsSettings.ENVIRONMENT.name(), environment);
    }

    /**
     * Sets {@code MODEL_ID}.
     *
     * @throws IllegalArgumentException when {@code modelId} is null
     */
    public Builder defaultModelId(String modelId) {
      return set(LlmopsSettings.MODEL_ID.name(), modelId);
    }

    /**
     * Chooses sinks by name ({@code file}, {@code console}, or a provider's name); {@link
     * #build()} rejects an unknown one.
     *
     * @throws IllegalArgumentException when {@code names} is null or contains null
     */
    public Builder sinks(String... names) {
      return set(LlmopsSettings.SINKS.name(), String.join(",", Arguments.requireNoNulls(names, "names")));
    }

    /**
     * Sets {@code LLMOPS_FILE_SINK_DIR}.
     *
     * @throws IllegalArgumentException when {@code dir} is null
     */
    public Builder fileSinkDir(Path dir) {
      return set(LlmopsSettings.FILE_SINK_DIR.name(), Arguments.requireNonNull(dir, "dir").toString());
    }

    /** Sets {@code LLMOPS_MAX_MESSAGE_BYTES}; {@link #build()} checks the range. */
    public Builder maxMessageBytes(int bytes) {
      return set(LlmopsSettings.MAX_MESSAGE_BYTES.name(), Integer.toString(bytes));
    }

    /** Sets {@code LLMOPS_ENABLED}. */
    public Builder enabled(boolean enabled) {
      return set(LlmopsSettings.ENABLED.name(), Boolean.toString(enabled));
    }

    /**
     * Adds a sink instance; unless {@code LLMOPS_SINKS} is set, it replaces the default sink.
     *
     * @throws IllegalArgumentException when {@code sink} is null
     */
    public Builder addSink(TraceSink sink) {
      sinks.add(Arguments.requireNonNull(sink, "sink"));
      return this;
    }

    /**
     * Replaces the process environment as a source (for tests and embedding).
     *
     * @throws IllegalArgumentException when {@code env} is null or has a null key or value
     */
    public Builder environmentVariables(Map<String, String> env) {
      Arguments.requireNonNull(env, "env").forEach((name, value) -> {
        Arguments.requireNonNull(name, "env key");
        Arguments.requireNonNull(value, "env[" + name + "]");
      });
      this.environment = Map.copyOf(env);
      return this;
    }

    /**
     * Replaces the JVM system properties as a source (for tests and embedding); null means the
     * JVM's own.
     */
    public Builder systemProperties(@Nullable Properties properties) {
      this.systemProperties = properties;
      return this;
    }

    /** The {@code .env} file to read; default {@code .env} in the working directory; null for none. */
    public Builder dotEnvFile(@Nullable Path file) {
      this.dotEnvFile = file;
      return this;
    }

    /**
     * Resolves and validates every setting.
     *
     * @throws IllegalArgumentException when a variable has an invalid value or {@code
     *     LLMOPS_SINKS} names an unknown sink (the message names the variable and where its value
     *     came from; it quotes no value but an unknown sink name)
     */
    public LlmopsConfig build() {
      Properties props = systemProperties != null ? systemProperties : System.getProperties();
      Map<String, String> env = environment != null ? environment : System.getenv();
      return new LlmopsConfig(
          Engine.get().resolveSettings(explicit, props, env, dotEnvFile), sinks);
    }
  }
}
