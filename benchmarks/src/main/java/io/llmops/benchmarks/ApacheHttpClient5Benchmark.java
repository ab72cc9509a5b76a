package io.llmops.benchmarks;

import com.sun.net.httpserver.HttpServer;
import io.llmops.observability.apache.hc5.LlmopsHttpClient5;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What LlmopsHttpClient5 adds to a classic Apache HttpClient 5 call: the same GET to a JDK
 * HttpServer on 127.0.0.1 (a 204 over a kept-alive connection), inside a trace, through
 * a plain client and through an instrumented one, which records a client span per call (100
 * spans a trace, sent to a discarding sink). The difference of the two scores is the cost.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ApacheHttpClient5Benchmark extends RotatingTrace {

  private HttpServer server;
  private ExecutorService serverThreads;
  private CloseableHttpClient plain;
  private CloseableHttpClient instrumented;
  private HttpGet request;

  @Setup(Level.Trial)
  public void start() throws IOException {
    sink = Discarding.configureLlmops(Map.of());
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    serverThreads = Executors.newFixedThreadPool(2);
    server.setExecutor(serverThreads);
    // No body: the JDK server writes a body apart from the head, and Nagle's algorithm against
    // the client's delayed ACK would then add 40 ms to every call, hiding what is measured.
    server.createContext("/ok", exchange -> {
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    server.start();
    plain = HttpClients.custom().build();
    instrumented = LlmopsHttpClient5.instrument(HttpClients.custom()).build();
    request = new HttpGet("http://127.0.0.1:" + server.getAddress().getPort() + "/ok");
  }

  @TearDown(Level.Trial)
  public void stop() throws IOException {
    plain.close();
    instrumented.close();
    server.stop(0);
    serverThreads.shutdownNow();
  }

  @Benchmark
  public int withoutInstrumentation() throws IOException {
    return plain.execute(request, response -> response.getCode());
  }

  @Benchmark
  public int withInstrumentation() throws IOException {
    int status = instrumented.execute(request, response -> response.getCode());
    rotate();
    return status;
  }
}
