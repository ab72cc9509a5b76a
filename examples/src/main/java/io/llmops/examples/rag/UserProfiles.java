package io.llmops.examples.rag;

import io.llmops.observability.TraceHeaders;
import io.llmops.observability.TrackExternalService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The demo's client of the profile service: a call to another service that records its part. */
final class UserProfiles {

  private final HttpClient http = HttpClient.newHttpClient();
  private final URI service;

  UserProfiles(URI service) {
    this.service = service;
  }

  @TrackExternalService(serviceName = "profile_service", name = "fetch_user_profile")
  String profile(String user) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(service.resolve("profile/" + user));
    TraceHeaders.inject(request::header); // traceparent and x-llmops-trace-id
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
  }
}
