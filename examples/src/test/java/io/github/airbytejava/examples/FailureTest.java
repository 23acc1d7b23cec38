package io.github.airbytejava.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.airbytejava.testkit.FakeAirbyte;
import io.github.airbytejava.testkit.Fault;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What a user sees when something is wrong: one line on stderr, an exit code, no stack trace, no secret. */
class FailureTest {
  private static final String WRONG_SECRET = "wrong-secret-0123456789";

  static Stream<Arguments> examples() {
    return Stream.of(
        Arguments.of("quickstart", (ExampleRun.Example) Quickstart::run),
        Arguments.of("pipeline", (ExampleRun.Example) (env, out, err) -> Pipeline.run(env, out, err,
            Duration.ofMillis(100))));
  }

  private static ExampleRun run(ExampleRun.Example example, String url, String clientId, String secret) {
    ExampleRun run = ExampleRun.of(example, Map.of("AIRBYTE_API_URL", url, "AIRBYTE_CLIENT_ID", clientId,
        "AIRBYTE_CLIENT_SECRET", secret));
    assertEquals(1, run.errLines().size(), "one line on stderr:\n" + run.err());
    assertEquals("", run.stray(), "nothing printed around the example's streams");
    assertFalse(run.err().contains("\tat ") || run.out().contains("\tat "), "no stack trace");
    assertFalse(run.err().contains(secret) || run.out().contains(secret), "no secret");
    return run;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void aWrongSecretIsExitCode2AndOneLine(String name, ExampleRun.Example example) {
    try (FakeAirbyte fake = FakeAirbyte.start()) {
      ExampleRun run = run(example, fake.baseUrl(), fake.clientId(), WRONG_SECRET);

      assertEquals(Examples.AUTH, run.exitCode());
      assertEquals("error: Airbyte refused the client id/secret (401 from " + fake.tokenUrl() + ")", run.err().strip());
      assertEquals("", run.out());
      fake.assertConformant();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void anUnreachableHostIsExitCode3AndOneLine(String name, ExampleRun.Example example) throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }

    ExampleRun run = run(example, "http://127.0.0.1:" + closedPort + "/v1", "id", WRONG_SECRET);

    assertEquals(Examples.NETWORK, run.exitCode());
    assertEquals("error: cannot reach http://127.0.0.1:" + closedPort + ": connection refused", run.err().strip());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void aWrongBaseUrlIsExitCode1AndOneLine(String name, ExampleRun.Example example) {
    try (FakeAirbyte fake = FakeAirbyte.start()) {
      String wrong = "http://127.0.0.1:" + fake.port() + "/wrong";

      ExampleRun run = run(example, wrong, fake.clientId(), fake.clientSecret());

      assertEquals(Examples.FAILED, run.exitCode());
      assertEquals("error: no Airbyte API at " + wrong + " (404 from " + wrong + "/applications/token); "
          + "check AIRBYTE_API_URL", run.err().strip());
    }
  }

  @Test
  void aRefusedAccessTokenIsExitCode2AndOneLine() {
    try (FakeAirbyte fake = FakeAirbyte.start()) {
      ExampleRun run = ExampleRun.of(Quickstart::run, Map.of("AIRBYTE_API_URL", fake.baseUrl(),
          "AIRBYTE_ACCESS_TOKEN", WRONG_SECRET));

      assertEquals(Examples.AUTH, run.exitCode());
      assertEquals(List.of("error: Airbyte refused the credentials (401 from GET " + fake.baseUrl() + "/sources): "
          + "The access token is not one this server issued."), run.errLines());
      assertFalse(run.err().contains(WRONG_SECRET));
      fake.assertConformant();
    }
  }

  @Test
  void anUnreachableHostWithAnAccessTokenIsExitCode3AndOneLine() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }

    ExampleRun run = ExampleRun.of(Quickstart::run, Map.of("AIRBYTE_API_URL", "http://127.0.0.1:" + closedPort + "/v1",
        "AIRBYTE_ACCESS_TOKEN", WRONG_SECRET));

    assertEquals(Examples.NETWORK, run.exitCode());
    assertEquals(List.of("error: cannot reach http://127.0.0.1:" + closedPort + ": connection refused"),
        run.errLines());
  }

  @Test
  void theWebAppsUrlInsteadOfTheApisIsExitCode1AndOneLine() {
    try (FakeAirbyte fake = FakeAirbyte.start()) {
      fake.faults().next(Fault.status(200).body("text/html", "<!doctype html><title>Airbyte</title>")
          .on("POST", "/applications/token"));

      ExampleRun run = run(Quickstart::run, fake.baseUrl(), fake.clientId(), fake.clientSecret());

      assertEquals(Examples.FAILED, run.exitCode());
      assertEquals("error: no Airbyte API at " + fake.baseUrl() + " (200 from " + fake.tokenUrl()
          + " is not a token: expected a JSON object with access_token, got text/html); check AIRBYTE_API_URL",
          run.err().strip());
    }
  }

  @Test
  void aSelfManagedHostUrlIsMappedToItsApi() {
    try (FakeAirbyte fake = FakeAirbyte.builder().basePath("/api/public/v1").start()) {
      ExampleRun run = ExampleRun.of(Quickstart::run, Map.of("AIRBYTE_API_URL", "http://127.0.0.1:" + fake.port(),
          "AIRBYTE_CLIENT_ID", fake.clientId(), "AIRBYTE_CLIENT_SECRET", fake.clientSecret()));

      assertEquals(0, run.exitCode(), run.err());
      assertEquals("0 source(s) at " + fake.baseUrl() + ":", run.outLines().get(0));
      fake.assertConformant();
    }
  }

  @Test
  void onlyOneOfIdAndSecretIsExitCode1AndNamesTheMissingVariable() {
    ExampleRun run = ExampleRun.of(Quickstart::run, Map.of("AIRBYTE_CLIENT_ID", "id"));

    assertEquals(Examples.FAILED, run.exitCode());
    assertEquals(List.of("error: AIRBYTE_CLIENT_ID is set but AIRBYTE_CLIENT_SECRET is not"), run.errLines());
    assertEquals("", run.out());
  }
}
