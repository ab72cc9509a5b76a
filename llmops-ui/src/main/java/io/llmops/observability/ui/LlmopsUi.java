package io.llmops.observability.ui;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar llmops-ui.jar [options]}: starts the viewer, prints its address, runs until
 * interrupted. Options: {@code --data-dir DIR}, {@code --host HOST}, {@code --port N},
 * {@code --watch DIR} (repeatable; default {@code $LLMOPS_FILE_SINK_DIR}, else
 * {@code llmops-traces}, the file sink's folder), {@code --max-age-days N},
 * {@code --max-size-mb N}, {@code --token-file FILE}. The token a non-loopback host needs is read
 * from a file, never from the command line, where other users of the machine could read it.
 */
public final class LlmopsUi {

  private LlmopsUi() {}

  public static void main(String[] args) throws Exception {
    UiSettings settings;
    try {
      settings = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("llmops ui: " + e.getMessage());
      System.err.println("usage: llmops ui [--data-dir DIR] [--host HOST] [--port N] [--watch DIR]..."
          + " [--max-age-days N] [--max-size-mb N] [--token-file FILE (needed for a non-loopback host)]");
      System.exit(2);
      return;
    }
    TraceViewer viewer = TraceViewer.start(settings);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        viewer.close();
      } catch (Exception e) {
        System.err.println("llmops ui: closing the database failed: " + e.getClass().getSimpleName());
      }
      stopped.countDown();
    }, "llmops-ui-shutdown"));
    System.out.println("llmops ui: traces at " + viewer.url());
    System.out.println("llmops ui: database " + settings.dataDirectory().resolve("traces.db")
        + "; watching " + settings.watchedFolders());
    System.out.println("llmops ui: OTLP/HTTP spans to " + viewer.otlpTracesEndpoint()
        + " (LLMOPS_SINKS=otlp OTEL_EXPORTER_OTLP_TRACES_ENDPOINT=" + viewer.otlpTracesEndpoint() + ")");
    stopped.await();
  }

  static UiSettings parse(String[] args) throws java.io.IOException {
    Path data = UiSettings.defaultDataDirectory();
    String host = "127.0.0.1";
    int port = 0;
    List<Path> watched = new ArrayList<>();
    Duration maxAge = UiSettings.DEFAULT_MAX_AGE;
    long maxBytes = UiSettings.DEFAULT_MAX_DATABASE_BYTES;
    String token = null;
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      String value = args[++i];
      switch (option) {
        case "--data-dir" -> data = Path.of(value);
        case "--host" -> host = value;
        case "--port" -> port = integer("--port", value);
        case "--watch" -> watched.add(Path.of(value));
        case "--max-age-days" -> maxAge = Duration.ofDays(integer("--max-age-days", value));
        case "--max-size-mb" -> maxBytes = integer("--max-size-mb", value) * (1L << 20);
        case "--token-file" -> token = java.nio.file.Files.readString(Path.of(value)).strip();
        default -> throw new IllegalArgumentException("unknown option " + option);
      }
    }
    if (watched.isEmpty()) {
      String fileSink = System.getenv("LLMOPS_FILE_SINK_DIR");
      watched.add(Path.of(fileSink == null || fileSink.isBlank() ? "llmops-traces" : fileSink));
    }
    return new UiSettings(data, host, port, token == null || token.isEmpty() ? null : token, watched,
        Duration.ofSeconds(1), maxAge, maxBytes);
  }

  private static int integer(String option, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be a whole number");
    }
  }
}
