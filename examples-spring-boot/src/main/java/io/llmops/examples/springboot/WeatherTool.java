package io.llmops.examples.springboot;

import io.llmops.observability.TrackLlmTool;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** A tool the agent calls: a weather service over HTTP. */
@Component
public class WeatherTool {

  private final RestClient http;
  private final String weatherUrl;

  public WeatherTool(RestClient http, @Value("${support.weather-url}") String weatherUrl) {
    this.http = http;
    this.weatherUrl = weatherUrl;
  }

  @TrackLlmTool(name = "weather_forecast")
  public String forecast(String city) {
    return http.get().uri(weatherUrl + "?city={city}", city).retrieve().body(String.class);
  }
}
