package io.llmops.observability.spi;

import io.llmops.observability.LlmopsConfig;
import java.net.InetAddress;
import java.util.List;

/** {@link InboundHttp}'s settings as one configuration resolves them. */
record InboundSettings(LlmopsConfig config, SkipPaths skipPaths, String traceNamePattern,
    boolean captureHeaders) {

  static InboundSettings of(LlmopsConfig config) {
    List<String> skip = config.get(InboundHttp.SKIP_PATHS);
    String name = config.get(InboundHttp.TRACE_NAME);
    Boolean headers = config.get(InboundHttp.CAPTURE_HEADERS);
    return new InboundSettings(config, new SkipPaths(skip == null ? SkipPaths.DEFAULTS : skip),
        name == null ? "{project}_{hostname}" : name, headers == null || headers);
  }

  /** The trace name of a request to {@code path}: the pattern with its placeholders filled. */
  String traceName(String method, String path) {
    return traceNamePattern.replace("{project}", config.projectId())
        .replace("{hostname}", Hostname.NAME).replace("{method}", method).replace("{path}", path);
  }

  /** This machine's name, looked up once: the environment's, else the resolver's. */
  private static final class Hostname {
    static final String NAME = lookUp();

    private static String lookUp() {
      for (String variable : List.of("HOSTNAME", "COMPUTERNAME")) {
        String value = System.getenv(variable);
        if (value != null && !value.isBlank()) {
          return value.trim();
        }
      }
      try {
        return InetAddress.getLocalHost().getHostName();
      } catch (java.io.IOException | RuntimeException e) {
        return "localhost";
      }
    }
  }
}
