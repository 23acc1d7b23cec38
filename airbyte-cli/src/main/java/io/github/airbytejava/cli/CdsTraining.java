package io.github.airbytejava.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;

/**
 * Hidden: what the build runs once with {@code -XX:ArchiveClassesAtExit}, so the class-data-sharing archive holds
 * the classes of a raw API call: {@code airbyte api /workspaces} against a loopback server of its own, with and
 * without a cached token, in a throw-away config directory.
 */
@Command(name = "__cds-training", hidden = true)
final class CdsTraining implements Callable<Integer> {
  @Override
  public Integer call() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/applications/token", exchange -> answer(exchange,
        "{\"access_token\":\"training\",\"token_type\":\"Bearer\",\"expires_in\":900}"));
    server.createContext("/v1/workspaces", exchange -> answer(exchange,
        "{\"data\":[{\"workspaceId\":\"00000000-0000-0000-0000-000000000001\",\"name\":\"training\"}],\"next\":\"\"}"));
    server.start();
    Path home = Files.createTempDirectory("airbyte-cds-");
    try {
      Map<String, String> env = Map.of("AIRBYTE_API_URL", "http://127.0.0.1:" + server.getAddress().getPort() + "/v1",
          "AIRBYTE_CLIENT_ID", "training", "AIRBYTE_CLIENT_SECRET", "training", "HOME", home.toString(),
          "XDG_CONFIG_HOME", home.resolve("config").toString(), "XDG_CACHE_HOME", home.resolve("cache").toString());
      for (int i = 0; i < 2; i++) { // the first fetches a token, the second reads it from the cache
        int code = Main.run(new String[] {"api", "/workspaces"}, env, InputStream.nullInputStream(),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false);
        if (code != 0) throw new IllegalStateException("the training call failed with exit code " + code);
      }
    } finally {
      server.stop(0);
      try (Stream<Path> files = Files.walk(home)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    return ExitCodes.OK;
  }

  private static void answer(HttpExchange exchange, String json) throws IOException {
    exchange.getRequestBody().readAllBytes();
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }
}
