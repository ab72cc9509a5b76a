package io.llmops.benchmarks;

import com.sun.net.httpserver.HttpServer;
import io.llmops.observability.HttpClientLibrary;
import io.llmops.observability.OutboundHttpInstrumentation;
import io.llmops.observability.agent.LlmopsAgent;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of the agent's weaving of the JDK {@code HttpClient}: a GET to a local JDK server, inside
 * a rotated trace, without the agent (each setup runs in a JVM of its own), with it and recorded,
 * and with it and the library switched off.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class OutboundHttpAgentBenchmark {

  /** A local server and a client, in a JVM set up as {@link #setup} says. */
  @State(org.openjdk.jmh.annotations.Scope.Thread)
  public static class Calls extends RotatingTrace {
    /**
     * {@code without-agent}; {@code woven}: the agent installed, each call a client span;
     * {@code switched-off}: woven, the JDK client switched off at run time (asks, records nothing).
     */
    @Param({"without-agent", "woven", "switched-off"})
    public String setup;

    private HttpServer server;
    HttpClient client;
    HttpRequest request;

    @Setup(Level.Trial)
    public void start() throws IOException {
      if (!setup.equals("without-agent") && !LlmopsAgent.install()) {
        throw new IllegalStateException("the agent could not attach");
      }
      sink = Discarding.configureLlmops(Map.of("LLMOPS_EXPORT_QUEUE_CAPACITY", "16"));
      if (setup.equals("switched-off")) {
        OutboundHttpInstrumentation.disable(HttpClientLibrary.JDK_HTTP_CLIENT);
      }
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext("/", exchange -> {
        byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      });
      server.start();
      client = HttpClient.newHttpClient();
      request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
          + server.getAddress().getPort() + "/items?page=1")).build();
    }

    @TearDown(Level.Trial)
    public void stop() {
      server.stop(0);
    }
  }

  /** A GET inside a trace (rotated every {@code spansPerTrace} calls). */
  @Benchmark
  public int get(Calls state) throws Exception {
    int status = state.client.send(state.request, HttpResponse.BodyHandlers.ofString())
        .statusCode();
    state.rotate();
    return status;
  }
}
