package io.llmops.observability.spring.boot;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
  private Boolean enabled;

  /** The project traces belong to ({@code LLMOPS_PROJECT_ID}). */
  private String projectId;

  /** The deployment environment, e.g. prod or uat ({@code LLMOPS_ENV}). */
  private String environment;

  /** The model a {@code @TrackLlmCall} without {@code model} records ({@code MODEL_ID}). */
  private String defaultModelId;

  /** The sinks traces go to, e.g. [sqs] or [file, console] ({@code LLMOPS_SINKS}). */
  private List<String> sinks;

  /** The directory of the file sink ({@code LLMOPS_FILE_SINK_DIR}). */
  private Path fileSinkDir;

  /** Extra field names whose values are redacted ({@code LLMOPS_REDACT_KEYS}). */
  private List<String> redactKeys;

  private final Sqs sqs = new Sqs();

  /**
   * Any other SDK variable by its name, e.g. {@code llmops.variables.LLMOPS_SQS_BATCH_SIZE=5}
   * (docs/CONFIGURATION.md lists them).
   */
  private Map<String, String> variables = new LinkedHashMap<>();

  /** The SQS sink. */
  public static class Sqs {
    /** The queue's URL ({@code AWS_SQS_URL}). */
    private String url;

    public String getUrl() {
      return url;
    }

    public void setUrl(String url) {
      this.url = url;
    }
  }

  public Boolean getEnabled() {
    return enabled;
  }

  public void setEnabled(Boolean enabled) {
    this.enabled = enabled;
  }

  public String getProjectId() {
    return projectId;
  }

  public void setProjectId(String projectId) {
    this.projectId = projectId;
  }

  public String getEnvironment() {
    return environment;
  }

  public void setEnvironment(String environment) {
    this.environment = environment;
  }

  public String getDefaultModelId() {
    return defaultModelId;
  }

  public void setDefaultModelId(String defaultModelId) {
    this.defaultModelId = defaultModelId;
  }

  public List<String> getSinks() {
    return sinks;
  }

  public void setSinks(List<String> sinks) {
    this.sinks = sinks;
  }

  public Path getFileSinkDir() {
    return fileSinkDir;
  }

  public void setFileSinkDir(Path fileSinkDir) {
    this.fileSinkDir = fileSinkDir;
  }

  public List<String> getRedactKeys() {
    return redactKeys;
  }

  public void setRedactKeys(List<String> redactKeys) {
    this.redactKeys = redactKeys;
  }

  public Sqs getSqs() {
    return sqs;
  }

  public Map<String, String> getVariables() {
    return variables;
  }

  public void setVariables(Map<String, String> variables) {
    this.variables = variables;
  }
}
