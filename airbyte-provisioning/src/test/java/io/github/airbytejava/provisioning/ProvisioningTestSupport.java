package io.github.airbytejava.provisioning;

import io.github.airbytejava.AirbyteClient;
import io.github.airbytejava.Credentials;
import io.github.airbytejava.RetryPolicy;
import io.github.airbytejava.testkit.FakeAirbyte;
import io.github.airbytejava.testkit.FakeAirbyteExtension;
import io.github.airbytejava.testkit.ReceivedRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A fake Airbyte, a client and a provisioner for it, and a few desired resources the fake's catalog knows. */
abstract class ProvisioningTestSupport {
  static final UUID FAKER = UUID.fromString("dfd88b22-b603-4c3d-aad7-3701784586b1");
  static final UUID POSTGRES_SOURCE = UUID.fromString("decd338e-5647-4c0b-adf4-da0e75f5a750");
  static final UUID DEV_NULL = UUID.fromString("a7bcc9d8-13b3-4e49-b80d-d020b90045e3");
  static final String PASSWORD = "s3cr3t-Pa55word";

  @RegisterExtension
  static final FakeAirbyteExtension airbyte = new FakeAirbyteExtension();

  AirbyteClient client;
  Provisioner provisioner;
  UUID workspaceId;

  @BeforeEach
  void connect() {
    FakeAirbyte fake = airbyte.fake();
    fake.reset();
    client = AirbyteClient.builder().baseUrl(fake.baseUrl()).retries(RetryPolicy.none())
        .credentials(Credentials.clientCredentials(fake.clientId(), fake.clientSecret())).build();
    provisioner = Provisioner.builder(client).secrets(SecretResolver.of(Map.of("PG_PASSWORD", PASSWORD))).build();
    workspaceId = fake.defaultWorkspaceId();
  }

  @AfterEach
  void disconnect() {
    client.close();
  }

  FakeAirbyte fake() {
    return airbyte.fake();
  }

  static ActorSpec postgres(String name, int port) {
    return ActorSpec.source(name).connector("postgres").configuration(Map.of("host", "db.internal", "port", port,
        "database", "app", "username", "airbyte", "password", "${PG_PASSWORD}",
        "ssl_mode", Map.of("mode", "prefer"))).build();
  }

  static ActorSpec devNull(String name) {
    return ActorSpec.destination(name).connector("dev-null")
        .configuration(Map.of("test_destination", Map.of("test_destination_type", "SILENT"))).build();
  }

  WorkspaceState.Builder state() {
    return WorkspaceState.builder().workspaceName("Default Workspace");
  }

  /** The requests that change something, since the last {@code fake().clearRequests()}. */
  List<ReceivedRequest> writes() {
    return fake().requests().stream().filter(r -> !r.method().equals("GET")).filter(r -> !r.path()
        .endsWith("/applications/token")).toList();
  }
}
