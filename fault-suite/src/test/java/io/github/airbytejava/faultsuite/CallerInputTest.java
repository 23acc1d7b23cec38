package io.github.airbytejava.faultsuite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.github.airbytejava.AirbyteClient;
import io.github.airbytejava.Credentials;
import io.github.airbytejava.Paginator;
import io.github.airbytejava.RetryPolicy;
import io.github.airbytejava.generated.model.SourcePatchRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bad input from the caller: null or blank ids, out-of-range paging, an invalid base URL, missing credentials,
 * impossible settings. Each must be rejected before anything is sent (the loopback server receives nothing, not even
 * a token request), with an IllegalArgumentException or NullPointerException, Java's exceptions for a caller's
 * mistake, whose message names the offending argument.
 */
@ExtendWith(FaultLedger.class)
class CallerInputTest {

  /** A bad call: what it does with a client of an empty loopback server, and what its message must name. */
  record BadCall(String name, String mustName, Function<AirbyteClient, Object> call) {}

  static List<BadCall> badCalls() {
    return List.of(
        new BadCall("getSource(null)", "sourceId", c -> c.sources().getSource(null).execute()),
        new BadCall("patchSource(null, ...)", "sourceId",
            c -> c.sources().patchSource(null, new SourcePatchRequest().name("x")).execute()),
        new BadCall("deleteSource(null)", "sourceId", c -> {
          c.sources().deleteSource(null).execute();
          return null;
        }),
        new BadCall("getJob(null)", "jobId", c -> c.jobs().getJob(null).execute()),
        new BadCall("getConnection(null)", "connectionId", c -> c.connections().getConnection(null).execute()),
        new BadCall("syncs().start(null)", "connectionId", c -> c.syncs().start(null)),
        new BadCall("createJob(null)", "jobCreateRequest", c -> c.jobs().createJob(null).execute()),
        new BadCall("createSource(null)", "sourceCreateRequest", c -> c.sources().createSource(null).execute()),
        new BadCall("getApplication(\"\") (blank string id)", "applicationId",
            c -> c.applications().getApplication("").execute()),
        new BadCall("getApplication(\"  \") (blank string id)", "applicationId",
            c -> c.applications().getApplication("  ").execute()),
        new BadCall("listSources(limit 101)", "limit", c -> c.sources().listSources().limit(101).offset(0).execute()),
        new BadCall("listSources(limit 0)", "limit", c -> c.sources().listSources().limit(0).offset(0).execute()),
        new BadCall("listSources(offset -1)", "offset", c -> c.sources().listSources().limit(20).offset(-1).execute()),
        new BadCall("listJobs(limit 101)", "limit",
            c -> c.jobs().listJobs().limit(101).offset(0).execute()),
        new BadCall("listConnections(limit 101)", "limit",
            c -> c.connections().listConnections().limit(101).offset(0).execute()),
        // Paginator.stream only checks pageSize >= 1; the generated listSources rejects the 101 when the stream runs.
        new BadCall("Paginator.stream(pageSize 101, ...)", "limit", c -> Paginator.stream(101,
            (limit, offset) -> Paginator.Page.of(c.sources().listSources().limit(limit).offset(offset).execute()
                .getData(), null))));
  }

  @TestFactory
  Stream<DynamicTest> badCallsAreRejectedBeforeAnythingIsSent() {
    return badCalls().stream().map(bad -> dynamicTest(bad.name(), () -> {
      try (Loopback server = new Loopback(); AirbyteClient client = server.client().build()) {
        FaultCheck.run("caller " + bad.name(), Expectation.PROMPT, () -> {
          Object result = bad.call().apply(client);
          // A lazy stream is only rejected when used: using it must not send anything either.
          return result instanceof Stream<?> stream ? stream.collect(Collectors.toList()) : result;
        }, outcome -> {
          assertEquals(List.of(), server.received(), bad.name() + " sent requests");
          assertRejected(bad.name(), outcome, bad.mustName());
        });
      }
    }));
  }

  /** A setting or credential that cannot work, and what the message must name. */
  record BadSetting(String name, String mustName, Runnable build) {}

  static List<BadSetting> badSettings() {
    return List.of(
        new BadSetting("baseUrl(\"not a url\")", "baseUrl", () -> AirbyteClient.builder().baseUrl("not a url").build()),
        new BadSetting("baseUrl(\"ftp://example.com/v1\")", "baseUrl",
            () -> AirbyteClient.builder().baseUrl("ftp://example.com/v1").build()),
        new BadSetting("baseUrl(\"\")", "baseUrl", () -> AirbyteClient.builder().baseUrl("").build()),
        new BadSetting("baseUrl(null)", "baseUrl", () -> AirbyteClient.builder().baseUrl(null).build()),
        new BadSetting("baseUrl with a query", "baseUrl",
            () -> AirbyteClient.builder().baseUrl("https://api.airbyte.com/v1?x=1").build()),
        new BadSetting("baseUrl with a password", "baseUrl",
            () -> AirbyteClient.builder().baseUrl("https://me:hunter2@api.airbyte.com/v1").build()),
        new BadSetting("selfManaged(\"localhost:8000\") (no scheme)", "selfManaged",
            () -> AirbyteClient.builder().selfManaged("localhost:8000").build()),
        new BadSetting("clientCredentials(id, null)", "clientSecret", () -> Credentials.clientCredentials("id", null)),
        new BadSetting("clientCredentials(id, \"  \")", "clientSecret",
            () -> Credentials.clientCredentials("id", "  ")),
        new BadSetting("clientCredentials(null, secret)", "clientId",
            () -> Credentials.clientCredentials(null, "secret")),
        new BadSetting("clientCredentials(id, secret, \"not a url\")", "tokenUrl",
            () -> Credentials.clientCredentials("id", "secret", "not a url")),
        new BadSetting("bearerToken(\"\")", "accessToken", () -> Credentials.bearerToken("")),
        new BadSetting("fromEnv: AIRBYTE_CLIENT_ID without AIRBYTE_CLIENT_SECRET", "AIRBYTE_CLIENT_SECRET",
            () -> AirbyteClient.fromEnv(Map.of("AIRBYTE_CLIENT_ID", "id"))),
        new BadSetting("readTimeout(-1 s)", "readTimeout",
            () -> AirbyteClient.builder().readTimeout(Duration.ofSeconds(-1))),
        new BadSetting("RetryPolicy maxAttempts(0)", "maxAttempts", () -> RetryPolicy.builder().maxAttempts(0)));
  }

  /** Rejected when the builder or the factory is called: there is no client yet to send anything. */
  @TestFactory
  Stream<DynamicTest> badSettingsAreRejectedWhenBuilding() {
    return badSettings().stream().map(bad -> dynamicTest(bad.name(), () ->
        FaultCheck.run("caller " + bad.name(), Expectation.PROMPT, () -> {
          bad.build().run();
          return "built";
        }, outcome -> {
          assertRejected(bad.name(), outcome, bad.mustName());
          assertFalse(outcome.error().getMessage().contains("hunter2"), "the message shows the password");
        })));
  }

  private static void assertRejected(String name, FaultCheck.Outcome outcome, String mustName) {
    if (!outcome.failed()) {
      fail(name + " was accepted: returned " + FaultCheck.brief(outcome.value()));
    }
    Throwable error = outcome.error();
    if (!(error instanceof IllegalArgumentException) && !(error instanceof NullPointerException)) {
      fail(name + ": expected IllegalArgumentException or NullPointerException, got " + FaultCheck.describe(error),
          error);
    }
    String message = error.getMessage();
    assertTrue(message != null && message.contains(mustName),
        name + ": the message does not name " + mustName + ": " + message);
  }
}
