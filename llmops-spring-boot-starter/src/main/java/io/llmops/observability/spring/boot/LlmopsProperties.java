package io.llmops.observability.spring.boot;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The SDK's settings as {@code llmops.*} properties of the Spring environment
 * ({@code application.yml}, profiles, config server, ...). Each one maps onto the SDK variable
 * named in its comment. The SDK's own sources win over them: a JVM system property, an
 * environment variable or a {@code .env} entry that sets the same variable decides
 * (docs/SPRING.md, "Precedence"). Unset properties leave the variable to those sources or its
 * default.
 */
@ConfigurationProperties(prefix = "llmops")
public class LlmopsProperties {

  /** Whether traces are recorded at all ({@code LLMOPS_ENABLED}). */
  private @Nullable Boolean enabled;

  /** The project traces belong to ({@code LLMOPS_PROJECT_ID}). */
  private @Nullable String projectId;

  /** The deployment environment, e.g. prod or uat ({@code LLMOPS_ENV}). */
  private @Nullable String environment;

  /** The model a {@code @TrackLlmCall} without {@code model} records ({@code MODEL_ID}). */
  private @Nullable String defaultModelId;

  /** The sinks traces go to, e.g. [sqs] or [file, console] ({@code LLMOPS_SINKS}). */
  private @Nullable List<String> sinks;

  /** The directory of the file sink ({@code LLMOPS_FILE_SINK_DIR}). */
  private @Nullable Path fileSinkDir;

  /** Extra field names whose values are redacted ({@code LLMOPS_REDACT_KEYS}). */
  private @Nullable List<String> redactKeys;

  private final Sqs sqs = new Sqs();

  private final Identity identity = new Identity();

  /**
   * Any other SDK variable by its name, e.g. {@code llmops.variables.LLMOPS_SQS_BATCH_SIZE=5}
   * (docs/CONFIGURATION.md lists them).
   */
  private Map<String, String> variables = new LinkedHashMap<>();

  /** The SQS sink. */
  public static class Sqs {
    /** The queue's URL ({@code AWS_SQS_URL}). */
    private @Nullable String url;

    public @Nullable String getUrl() {
      return url;
    }

    public void setUrl(@Nullable String url) {
      this.url = url;
    }
  }

  /**
   * The user and session of an inbound request's trace, read from the request when the
   * application has them (docs/SPRING.md, "User and session").
   */
  public static class Identity {
    /** Whether a request's trace takes its user and session from the request at all. */
    private boolean enabled = true;

    /**
     * Whether the trace's user is the name of the authenticated Principal (servlet
     * getUserPrincipal(), WebFlux exchange.getPrincipal()).
     */
    private boolean userFromPrincipal = true;

    /** A request header whose value is the trace's session id, e.g. X-Session-Id; none if unset. */
    private @Nullable String sessionHeader;

    /**
     * Whether an existing HTTP session (servlet HttpSession, WebFlux WebSession) gives the trace's
     * session id: a digest of the session's id, never the id itself. No session is created.
     */
    private boolean sessionFromHttpSession = true;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public boolean isUserFromPrincipal() {
      return userFromPrincipal;
    }

    public void setUserFromPrincipal(boolean userFromPrincipal) {
      this.userFromPrincipal = userFromPrincipal;
    }

    public @Nullable String getSessionHeader() {
      return sessionHeader;
    }

    public void setSessionHeader(@Nullable String sessionHeader) {
      this.sessionHeader = sessionHeader;
    }

    public boolean isSessionFromHttpSession() {
      return sessionFromHttpSession;
    }

    public void setSessionFromHttpSession(boolean sessionFromHttpSession) {
      this.sessionFromHttpSession = sessionFromHttpSession;
    }
  }

  public @Nullable Boolean getEnabled() {
    return enabled;
  }

  public void setEnabled(@Nullable Boolean enabled) {
    this.enabled = enabled;
  }

  public @Nullable String getProjectId() {
    return projectId;
  }

  public void setProjectId(@Nullable String projectId) {
    this.projectId = projectId;
  }

  public @Nullable String getEnvironment() {
    return environment;
  }

  public void setEnvironment(@Nullable String environment) {
    this.environment = environment;
  }

  public @Nullable String getDefaultModelId() {
    return defaultModelId;
  }

  public void setDefaultModelId(@Nullable String defaultModelId) {
    this.defaultModelId = defaultModelId;
  }

  public @Nullable List<String> getSinks() {
    return sinks;
  }

  public void setSinks(@Nullable List<String> sinks) {
    this.sinks = sinks;
  }

  public @Nullable Path getFileSinkDir() {
    return fileSinkDir;
  }

  public void setFileSinkDir(@Nullable Path fileSinkDir) {
    this.fileSinkDir = fileSinkDir;
  }

  public @Nullable List<String> getRedactKeys() {
    return redactKeys;
  }

  public void setRedactKeys(@Nullable List<String> redactKeys) {
    this.redactKeys = redactKeys;
  }

  public Sqs getSqs() {
    return sqs;
  }

  public Identity getIdentity() {
    return identity;
  }

  public Map<String, String> getVariables() {
    return variables;
  }

  public void setVariables(Map<String, String> variables) {
    this.variables = variables;
  }
}
