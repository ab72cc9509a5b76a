package io.llmops.examples.rag;

import io.llmops.observability.TraceHeaders;
import io.llmops.observability.TrackExternalService;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** The demo's client of the profile service: a call to another service that records its part. */
final class UserProfiles {

  private final URI service;

  UserProfiles(URI service) {
    this.service = service;
  }

  @TrackExternalService(serviceName = "profile_service", name = "fetch_user_profile")
  String profile(String user) throws IOException {
    // HttpURLConnection rather than java.net.http.HttpClient: the demo starts in a fresh JVM,
    // where the latter costs a few hundred milliseconds of class loading on its first call
    HttpURLConnection connection =
        (HttpURLConnection) service.resolve("profile/" + user).toURL().openConnection();
    TraceHeaders.inject(connection::setRequestProperty); // traceparent and x-llmops-trace-id
    try (InputStream body = connection.getInputStream()) {
      return new String(body.readAllBytes(), StandardCharsets.UTF_8);
    } finally {
      connection.disconnect();
    }
  }
}
