package io.llmops.observability.httpserver.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

/** GET requests with the JDK's HttpClient, as the tests' clients send them. */
public final class Get {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private Get() {}

  /** Sends a GET to {@code uri} with {@code headers} (name, value, name, value...). */
  public static HttpResponse<String> send(URI uri, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri);
    if (headers.length > 0) {
      request.headers(headers);
    }
    return CLIENT.send(request.build(), BodyHandlers.ofString());
  }
}
