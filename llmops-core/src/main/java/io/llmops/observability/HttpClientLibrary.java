package io.llmops.observability;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP client libraries whose calls become client spans (docs/OUTBOUND_HTTP.md): the name
 * recorded as {@code http.client.library} and a class that tells whether the library is on the
 * class path.
 */
public enum HttpClientLibrary {
  /** {@code java.net.http.HttpClient}: {@code send} and {@code sendAsync}. */
  JDK_HTTP_CLIENT("jdk-httpclient", "java.net.http.HttpClient"),
  /** {@code java.net.HttpURLConnection}, the standard library's older client (with the agent). */
  URL_CONNECTION("urlconnection", "java.net.HttpURLConnection"),
  /** OkHttp 4 and 5: {@code execute} and {@code enqueue}. */
  OKHTTP("okhttp", "okhttp3.OkHttpClient"),
  /** Apache HttpClient 5, classic and async. */
  APACHE_HTTPCLIENT5("apache-httpclient5", "org.apache.hc.client5.http.classic.HttpClient"),
  /** Spring's {@code RestClient} and {@code RestTemplate}. */
  SPRING_WEB("spring-web", "org.springframework.http.client.ClientHttpRequestInterceptor"),
  /** Spring's reactive {@code WebClient}. */
  SPRING_WEBCLIENT("spring-webclient",
      "org.springframework.web.reactive.function.client.WebClient");

  private final String libraryName;
  private final String probeClass;

  HttpClientLibrary(String libraryName, String probeClass) {
    this.libraryName = libraryName;
    this.probeClass = probeClass;
  }

  /** The name recorded as {@code http.client.library} and read from {@code LLMOPS_HTTP_CLIENTS}. */
  public String libraryName() {
    return libraryName;
  }

  /** A class of the library, looked up by name to tell whether it is on the class path. */
  String probeClass() {
    return probeClass;
  }

  /** The library called {@code name} (its {@link #libraryName()}, any case), or null. */
  public static @Nullable HttpClientLibrary named(@Nullable String name) {
    if (name == null) {
      return null;
    }
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    for (HttpClientLibrary library : values()) {
      if (library.libraryName.equals(wanted)) {
        return library;
      }
    }
    return null;
  }
}
