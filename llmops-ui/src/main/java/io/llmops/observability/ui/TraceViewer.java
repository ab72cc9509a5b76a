package io.llmops.observability.ui;

import io.llmops.observability.ui.internal.ApiHandler;
import io.llmops.observability.ui.internal.FolderIngest;
import io.llmops.observability.ui.internal.IngestCounters;
import io.llmops.observability.ui.internal.OtlpEndpoint;
import io.llmops.observability.ui.internal.TraceStore;
import io.llmops.observability.ui.internal.WebServer;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A running viewer: the database, one thread that reads the watched folders and applies
 * retention, and the web server. {@link #close()} stops all three. Thread-safe.
 */
public final class TraceViewer implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(TraceViewer.class.getName());
  private static final long RETENTION_EVERY_SCANS = 60;

  private final UiSettings settings;
  private final TraceStore store;
  private final IngestCounters counters;
  private final WebServer server;
  private final ScheduledExecutorService scanner;

  private TraceViewer(UiSettings settings, TraceStore store, IngestCounters counters, WebServer server,
      ScheduledExecutorService scanner) {
    this.settings = settings;
    this.store = store;
    this.counters = counters;
    this.server = server;
    this.scanner = scanner;
  }

  /**
   * Opens the database, starts the server and the folder scans.
   *
   * @throws IOException when the data directory or the port cannot be used
   * @throws SQLException when the database cannot be opened
   */
  public static TraceViewer start(UiSettings settings) throws IOException, SQLException {
    if (settings == null) {
      throw new IllegalArgumentException("settings must not be null");
    }
    TraceStore store = TraceStore.open(settings.dataDirectory());
    IngestCounters counters = new IngestCounters();
    WebServer server;
    try {
      server = WebServer.start(settings.host(), settings.port(), settings.token(),
          new ApiHandler(store.reader(), counters, Clock.systemUTC()), new OtlpEndpoint(store.writer(), counters));
    } catch (IOException | RuntimeException e) {
      store.close();
      throw e;
    }
    ScheduledExecutorService scanner = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "llmops-ui-scan");
      thread.setDaemon(true);
      return thread;
    });
    TraceViewer viewer = new TraceViewer(settings, store, counters, server, scanner);
    viewer.scheduleScans();
    return viewer;
  }

  /** The page's address. */
  public String url() {
    String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
    return "http://" + host + ":" + server.port() + "/";
  }

  /** Where OTLP/HTTP exporters send spans: {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}. */
  public String otlpTracesEndpoint() {
    return url() + OtlpEndpoint.PATH.substring(1);
  }

  /** The port the server listens on. */
  public int port() {
    return server.port();
  }

  /** What was stored and rejected, by name. */
  public java.util.Map<String, Long> counters() {
    return counters.snapshot();
  }

  private void scheduleScans() {
    List<FolderIngest> folders = settings.watchedFolders().stream()
        .map(folder -> new FolderIngest(folder, store.writer(), counters)).toList();
    long[] scans = {0};
    scanner.scheduleWithFixedDelay(() -> {
      try {
        for (FolderIngest folder : folders) {
          folder.scan();
        }
        if (scans[0]++ % RETENTION_EVERY_SCANS == 0) {
          applyRetention();
        }
      } catch (SQLException | RuntimeException e) {
        LOG.log(Level.WARNING, "llmops-ui: a folder scan failed: " + e.getClass().getSimpleName());
      }
    }, 0, settings.scanInterval().toMillis(), TimeUnit.MILLISECONDS);
  }

  private void applyRetention() throws SQLException {
    int old = store.writer().deleteStartedBefore(System.currentTimeMillis() - settings.maxAge().toMillis());
    int large = store.writer().shrinkTo(settings.maxDatabaseBytes());
    if (old + large > 0) {
      counters.add("retention.deleted", old + large);
      LOG.info("llmops-ui: retention deleted " + old + " traces older than " + settings.maxAge()
          + " and " + large + " to stay under " + settings.maxDatabaseBytes() + " bytes");
    }
  }

  @Override
  public void close() throws SQLException {
    scanner.shutdownNow();
    try {
      scanner.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    server.close();
    store.close();
  }
}
