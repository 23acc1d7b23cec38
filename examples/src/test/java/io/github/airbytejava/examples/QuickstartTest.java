package io.github.airbytejava.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.airbytejava.AirbyteClient;
import io.github.airbytejava.Credentials;
import io.github.airbytejava.generated.model.SourceCreateRequest;
import io.github.airbytejava.generated.model.SourceResponse;
import io.github.airbytejava.testkit.FakeAirbyte;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class QuickstartTest {

  @Test
  void listsTheSourcesOfTheAirbyteInTheEnvironment() {
    try (FakeAirbyte fake = FakeAirbyte.start()) {
      SourceResponse source;
      try (AirbyteClient client = AirbyteClient.builder().baseUrl(fake.baseUrl())
          .credentials(Credentials.clientCredentials(fake.clientId(), fake.clientSecret())).build()) {
        source = client.sources().createSource(new SourceCreateRequest().name("Orders")
            .workspaceId(fake.defaultWorkspaceId())
            .configuration(Map.of("sourceType", "postgres", "host", "db", "port", 5432, "database", "app",
                "username", "reader"))).execute();
      }

      ExampleRun run = ExampleRun.of(Quickstart::run, Map.of("AIRBYTE_API_URL", fake.baseUrl(),
          "AIRBYTE_CLIENT_ID", fake.clientId(), "AIRBYTE_CLIENT_SECRET", fake.clientSecret()));

      assertEquals(0, run.exitCode(), run.err());
      assertEquals("", run.err());
      assertEquals("", run.stray());
      assertEquals("1 source(s) at " + fake.baseUrl() + ":", run.outLines().get(0));
      assertTrue(run.outLines().get(2).matches(" +Orders +postgres +" + source.getSourceId()), run.out());
      fake.assertConformant();
    }
  }

  @Test
  void withoutCredentialsStartsAFakeAndSaysSoInOneLine() {
    ExampleRun run = ExampleRun.of(Quickstart::run, Map.of());

    assertEquals(0, run.exitCode(), run.err());
    assertEquals("", run.err());
    assertTrue(run.outLines().get(0).matches("No AIRBYTE_CLIENT_ID and AIRBYTE_CLIENT_SECRET set: using a fake "
        + "Airbyte started in-process at http://127\\.0\\.0\\.1:\\d+/v1\\."), run.out());
    assertTrue(run.outLines().get(1).startsWith("2 source(s) at http://127.0.0.1:"), run.out());
    assertTrue(run.out().contains("Sample data") && run.out().contains("Shop database"), run.out());
  }
}
