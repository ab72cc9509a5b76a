package io.llmops.observability.ui;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How the viewer runs.
 *
 * @param dataDirectory where {@code traces.db} is kept
 * @param host the address to bind; anything but a loopback address needs a {@code token}
 * @param port the port, 0 for a free one
 * @param token required on every request when set (Bearer header or {@code ?token=} once)
 * @param watchedFolders folders read for trace files, recursively
 * @param scanInterval how often the folders are read
 * @param maxAge traces that started longer ago are deleted
 * @param maxDatabaseBytes the oldest traces are deleted while the data takes more
 */
public record UiSettings(
    Path dataDirectory,
    String host,
    int port,
    @Nullable String token,
    List<Path> watchedFolders,
    Duration scanInterval,
    Duration maxAge,
    long maxDatabaseBytes) {

  /** The defaults' maximum age: 30 days. */
  public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(30);

  /** The defaults' maximum size: 1 GiB. */
  public static final long DEFAULT_MAX_DATABASE_BYTES = 1L << 30;

  public UiSettings {
    if (dataDirectory == null) {
      throw new IllegalArgumentException("dataDirectory must not be null");
    }
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be from 0 to 65535");
    }
    if (token != null && (token.length() < 16 || !token.matches("[A-Za-z0-9._~-]+"))) {
      throw new IllegalArgumentException("token must be at least 16 characters of [A-Za-z0-9._~-]");
    }
    if (!isLoopback(host) && token == null) {
      throw new IllegalArgumentException("token must be set to bind host " + host + " (not loopback)");
    }
    if (watchedFolders == null) {
      throw new IllegalArgumentException("watchedFolders must not be null");
    }
    watchedFolders = List.copyOf(watchedFolders);
    if (scanInterval == null || scanInterval.isNegative() || scanInterval.isZero()) {
      throw new IllegalArgumentException("scanInterval must be positive");
    }
    if (maxAge == null || maxAge.isNegative() || maxAge.isZero()) {
      throw new IllegalArgumentException("maxAge must be positive");
    }
    if (maxDatabaseBytes < (1 << 20)) {
      throw new IllegalArgumentException("maxDatabaseBytes must be at least 1 MiB");
    }
  }

  /** Loopback, a free port, no token, the given folders, retention defaults, a scan a second. */
  public static UiSettings local(Path dataDirectory, List<Path> watchedFolders) {
    return new UiSettings(dataDirectory, "127.0.0.1", 0, null, watchedFolders, Duration.ofSeconds(1),
        DEFAULT_MAX_AGE, DEFAULT_MAX_DATABASE_BYTES);
  }

  /** {@code $XDG_CACHE_HOME/llmops/ui}, else {@code ~/.cache/llmops/ui}. */
  public static Path defaultDataDirectory() {
    String cache = System.getenv("XDG_CACHE_HOME");
    Path base = cache != null && !cache.isBlank()
        ? Path.of(cache) : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("llmops").resolve("ui");
  }

  private static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("host " + host + " does not resolve");
    }
  }
}
