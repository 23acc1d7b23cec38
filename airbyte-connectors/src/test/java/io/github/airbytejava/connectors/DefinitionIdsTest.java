package io.github.airbytejava.connectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.airbytejava.AirbyteClient;
import io.github.airbytejava.Credentials;
import io.github.airbytejava.generated.model.CreateDefinitionRequest;
import io.github.airbytejava.testkit.FakeAirbyte;
import io.github.airbytejava.testkit.FakeAirbyteExtension;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DefinitionIdsTest {
  @RegisterExtension
  static final FakeAirbyteExtension airbyte = new FakeAirbyteExtension();

  @Test
  void knownConnectorsNeedNoRequestAndCustomOnesAreFetchedOnceEach() {
    FakeAirbyte fake = airbyte.fake();
    try (AirbyteClient client = AirbyteClient.builder().baseUrl(fake.baseUrl())
        .credentials(Credentials.clientCredentials(fake.clientId(), fake.clientSecret())).build()) {
      UUID workspace = fake.defaultWorkspaceId();
      UUID custom = client.sourceDefinitions().createSourceDefinition(workspace, new CreateDefinitionRequest()
          .name("Acme Orders").dockerRepository("acme/source-orders").dockerImageTag("1.0.0")
          .documentationUrl(URI.create("https://acme.example/docs"))).execute().getId();
      fake.clearRequests();

      DefinitionIds ids = DefinitionIds.of(client);
      assertEquals(Optional.of(UUID.fromString("decd338e-5647-4c0b-adf4-da0e75f5a750")), ids.source(workspace, "postgres"));
      assertEquals(0, fake.requests().size(), "the facts know postgres");

      assertEquals(Optional.of(custom), ids.source(workspace, "orders"));
      assertEquals(Optional.of(custom), DefinitionIds.of(client).source(workspace, "Acme Orders"));
      assertEquals(Optional.empty(), ids.source(workspace, "nothing-by-this-name"));
      assertEquals(1, fake.requests().size(), "one list, kept for the client: " + fake.requests());

      ids.refresh();
      assertEquals(Optional.of(custom), ids.source(workspace, "orders"));
      assertEquals(2, fake.requests().size());
      SourceConfiguration raw = SourceConfiguration.raw(custom, Map.of("api_key", "k"));
      assertEquals(custom, raw.createRequest(workspace, "Orders").getDefinitionId());
      assertTrue(raw.connector().isEmpty());
    }
  }
}
