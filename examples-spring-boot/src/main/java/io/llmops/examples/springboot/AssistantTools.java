package io.llmops.examples.springboot;

import org.springframework.ai.tool.annotation.Tool;
import org.springframework.stereotype.Component;

/**
 * The tools the assistant's model may ask for. Spring AI runs them between two model calls and
 * observes each run (a tool span); the {@link WeatherTool} bean it calls is recorded inside it.
 */
@Component
public class AssistantTools {

  private final WeatherTool weather;

  public AssistantTools(WeatherTool weather) {
    this.weather = weather;
  }

  @Tool(description = "The weather forecast for a city")
  public String weather(String city) {
    return weather.forecast(city);
  }
}
