package io.llmops.examples.langchain4j;

import dev.langchain4j.agent.tool.Tool;
import io.llmops.observability.jdkhttp.LlmopsHttpClient;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;

/** The assistant's tool: a weather service over HTTP, through the SDK's recording client. */
public final class WeatherTools {

  private final HttpClient http = LlmopsHttpClient.wrap(HttpClient.newHttpClient());
  private final String weatherUrl;

  public WeatherTools(String weatherUrl) {
    this.weatherUrl = weatherUrl;
  }

  @Tool("The weather in a city")
  public String weather(String city) throws IOException, InterruptedException {
    URI uri = URI.create(weatherUrl + "?city=" + URLEncoder.encode(city, StandardCharsets.UTF_8));
    return http.send(HttpRequest.newBuilder(uri).build(), BodyHandlers.ofString()).body();
  }
}
