package io.llmops.observability.weaving;

import io.llmops.observability.TraceHeaders;
import io.llmops.observability.TrackExternalService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;

/** Asks the profile service over HTTP, with the trace headers: woven at build time. */
public class ProfileClient {

  private final HttpClient http = HttpClient.newHttpClient();
  private final URI base;

  public ProfileClient(URI base) {
    this.base = base;
  }

  @TrackExternalService(serviceName = "profile_service", transport = "http")
  public String profile(String userId) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/profile/" + userId));
    TraceHeaders.inject(request::header);
    return http.send(request.build(), BodyHandlers.ofString()).body();
  }
}
