package io.github.airbytejava;

import io.github.airbytejava.generated.model.ConnectionCreateRequest;
import io.github.airbytejava.generated.model.DestinationCreateRequest;
import io.github.airbytejava.generated.model.SourceCreateRequest;
import java.util.Map;
import java.util.UUID;

/** What the tests against the testkit's fake set up through the client. */
final class OnTheFake {
  private static final UUID DEV_NULL = UUID.fromString("a7bcc9d8-13b3-4e49-b80d-d020b90045e3");

  private OnTheFake() {}

  /** A connection "Faker to nowhere" from a new Faker source ("Faker") to a new dev-null destination ("Nowhere"). */
  static UUID connection(AirbyteClient client, UUID workspace) {
    UUID source = client.sources().createSource(new SourceCreateRequest().name("Faker").workspaceId(workspace)
        .configuration(Map.of("sourceType", "faker"))).execute().getSourceId();
    UUID destination = client.destinations().createDestination(new DestinationCreateRequest().name("Nowhere")
        .workspaceId(workspace).definitionId(DEV_NULL)
        .configuration(Map.of("test_destination", Map.of("test_destination_type", "SILENT")))).execute()
        .getDestinationId();
    return client.connections().createConnection(new ConnectionCreateRequest().name("Faker to nowhere")
        .sourceId(source).destinationId(destination)).execute().getConnectionId();
  }
}
