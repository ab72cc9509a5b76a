package io.llmops.benchmarks;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.llmops.observability.Llmops;
import io.llmops.observability.Span;
import io.llmops.observability.httpserver.LlmopsHttpFilter;
import io.llmops.observability.servlet.LlmopsTracingFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The inbound filters' cost per request on the serving thread: the JDK HttpServer filter and the
 * servlet filter called directly around a handler, beside the same handler called without them.
 * The handler does nothing ({@code handler = empty}) or records one LLM generation with model and
 * usage ({@code handler = generation}); without a filter that generation has no trace to join, so
 * the bare score is what the application pays without tracing requests. Each filtered op is a
 * whole request trace: started, its server span, ended and handed to the export worker, which
 * encodes it on its own thread into a discarding sink (a full queue drops, counted, at the
 * caller's cost of an accepted offer). No socket: the microseconds are the filter's.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class InboundHttpBenchmark {

  @State(Scope.Thread)
  public static class Server {

    @Param({"empty", "generation"})
    public String handler;

    Discarding.Sink sink;
    HttpHandler jdkHandler;
    FilterChain servletChain;
    StubExchange exchange;
    Filter.Chain jdkChain;
    LlmopsHttpFilter jdkFilter = new LlmopsHttpFilter();
    LlmopsTracingFilter servletFilter = new LlmopsTracingFilter();
    HttpServletResponse response = StubServletRequests.response();

    @Setup(Level.Trial)
    public void configure() throws IOException {
      sink = Discarding.configureLlmops(Map.of("LLMOPS_EXPORT_QUEUE_CAPACITY", "20"));
      boolean generation = handler.equals("generation");
      jdkHandler = exchange -> {
        if (generation) {
          answer();
        }
        exchange.sendResponseHeaders(200, -1);
      };
      servletChain = (request, response) -> {
        if (generation) {
          answer();
        }
      };
      HttpContext context = HttpServer.create().createContext("/chat", jdkHandler);
      exchange = new StubExchange(context);
      jdkChain = new Filter.Chain(List.of(), jdkHandler);
    }

    @TearDown(Level.Trial)
    public void shutdown(BenchmarkParams params) {
      Discarding.shutdownLlmops(params.getBenchmark(), sink);
    }

    private static void answer() {
      try (Span generation = Llmops.generation("answer").start()) {
        generation.setModel("anthropic.claude-3-haiku-20240307-v1:0").setUsage(145, 62);
      }
    }
  }

  @Benchmark
  public void jdkBare(Server server) throws IOException {
    server.exchange.reset();
    server.jdkHandler.handle(server.exchange);
  }

  @Benchmark
  public void jdkFiltered(Server server) throws IOException {
    server.exchange.reset();
    server.jdkFilter.doFilter(server.exchange, server.jdkChain);
  }

  @Benchmark
  public void servletBare(Server server, Blackhole hole) throws Exception {
    var request = StubServletRequests.request();
    server.servletChain.doFilter(request, server.response);
    hole.consume(request);
  }

  @Benchmark
  public void servletFiltered(Server server) throws Exception {
    server.servletFilter.doFilter(StubServletRequests.request(), server.response,
        server.servletChain);
  }
}
