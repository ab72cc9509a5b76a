package io.llmops.examples.springboot;

import io.llmops.observability.TrackLlmAgent;
import org.springframework.stereotype.Service;

/** The agent: looks the weather up with a tool, then asks the model. */
@Service
public class SupportAgent {

  private final WeatherTool weather;
  private final ChatModel model;

  public SupportAgent(WeatherTool weather, ChatModel model) {
    this.weather = weather;
    this.model = model;
  }

  @TrackLlmAgent(name = "support_agent", tags = "support")
  public String answer(String city, String question) {
    String forecast = weather.forecast(city);
    return model.complete("Weather in " + city + ": " + forecast + ". Question: " + question);
  }
}
