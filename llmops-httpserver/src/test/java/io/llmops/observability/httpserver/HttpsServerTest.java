package io.llmops.observability.httpserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsServer;
import io.llmops.observability.httpserver.testing.JdkServer;
import io.llmops.observability.httpserver.testing.ServerTraces;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.TracingHarness;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The filter on an HttpsServer context: the handler still gets an HttpsExchange. */
@Timeout(60)
class HttpsServerTest {

  private static final char[] PASSWORD = "changeit".toCharArray();

  @RegisterExtension final TracingHarness tracing = new TracingHarness();
  private final CollectingSink sink = tracing.sink();

  /** A self-signed certificate for 127.0.0.1, made by the JDK's keytool. */
  private static SSLContext selfSigned(Path dir) throws Exception {
    Path store = dir.resolve("server.p12");
    Process keytool = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
        "-keyalg", "EC", "-groupname", "secp256r1", "-alias", "server", "-dname", "CN=127.0.0.1",
        "-ext", "san=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
        "-keystore", store.toString(), "-storepass", new String(PASSWORD))
        .redirectErrorStream(true).redirectOutput(dir.resolve("keytool.log").toFile()).start();
    assertThat(keytool.waitFor()).as("keytool exit code").isZero();
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keys.load(in, PASSWORD);
    }
    KeyManagerFactory keyManagers = KeyManagerFactory.getInstance("PKIX");
    keyManagers.init(keys, PASSWORD);
    TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
    trust.init(keys);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keyManagers.getKeyManagers(), trust.getTrustManagers(), null);
    return context;
  }

  @Test
  void theHandlerOfAnHttpsContextStillGetsAnHttpsExchangeAndTheRequestIsTraced(@TempDir Path dir)
      throws Exception {
    SSLContext tls = selfSigned(dir);
    HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    server.createContext("/secure", exchange -> JdkServer.respond(exchange, 200,
        exchange instanceof HttpsExchange secure ? secure.getSSLSession().getProtocol() : "plain"))
        .getFilters().add(new LlmopsHttpFilter());
    server.start();
    try {
      HttpClient client = HttpClient.newBuilder().sslContext(tls).build();
      URI uri = URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/secure");

      String body = client.send(HttpRequest.newBuilder(uri).build(), BodyHandlers.ofString()).body();

      assertThat(body).startsWith("TLS");
      JsonNode span = ServerTraces.awaitOne(sink).at("/spans/0");
      assertThat(span.get("span_name").asText()).isEqualTo("GET /secure");
      assertThat(span.at("/metadata/http.response.status_code").asInt()).isEqualTo(200);
    } finally {
      server.stop(0);
    }
  }
}
