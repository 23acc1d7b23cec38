package io.github.airbytejava.connectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.airbytejava.AirbyteClient;
import io.github.airbytejava.BadRequestException;
import io.github.airbytejava.Credentials;
import io.github.airbytejava.connectors.destinations.DestinationDevNull;
import io.github.airbytejava.connectors.sources.SourceGithub;
import io.github.airbytejava.connectors.sources.SourcePostgres;
import io.github.airbytejava.generated.model.DestinationCreateRequest;
import io.github.airbytejava.generated.model.DestinationResponse;
import io.github.airbytejava.generated.model.SourceResponse;
import io.github.airbytejava.testkit.FakeAirbyte;
import io.github.airbytejava.testkit.FakeAirbyteExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Typed configurations against the fake Airbyte, which validates with an implementation of its own. */
class AgainstTheFakeTest {
  @RegisterExtension
  static final FakeAirbyteExtension airbyte = new FakeAirbyteExtension();

  static AirbyteClient client;
  static UUID workspace;

  @BeforeAll
  static void connect() {
    FakeAirbyte fake = airbyte.fake();
    client = AirbyteClient.builder().baseUrl(fake.baseUrl())
        .credentials(Credentials.clientCredentials(fake.clientId(), fake.clientSecret())).build();
    workspace = fake.defaultWorkspaceId();
  }

  @Test
  void theFakesOwnValidatorAcceptsTheMinimalConfigurationOfEveryConnector() {
    List<String> failures = new ArrayList<>();
    for (Connector connector : Connectors.all()) {
      ConnectorConfiguration typed = connector.read(MinimalConfigurations.of(connector));
      try {
        if (typed instanceof SourceConfiguration source) {
          SourceResponse created = client.sources().createSource(source.createRequest(workspace, "s")).execute();
          assertEquals(connector.configurationClass(), SourceConfiguration.of(created).getClass());
        } else {
          DestinationResponse created = client.destinations()
              .createDestination(((DestinationConfiguration) typed).createRequest(workspace, "d")).execute();
          assertEquals(connector.configurationClass(), DestinationConfiguration.of(created).getClass());
        }
      } catch (RuntimeException | AssertionError e) {
        failures.add(connector + ": " + e.getMessage());
      }
    }
    assertTrue(failures.isEmpty(), () -> failures.size() + " failed:\n" + String.join("\n", failures));
  }

  @Test
  void aGithubSourceReadsBackAsGithub() {
    SourceGithub github = SourceGithub.builder()
        .credentials(SourceGithub.Credentials.patCredentials().personalAccessToken("ghp_secret").build())
        .repositories(List.of("airbytehq/airbyte"))
        .build();
    SourceResponse created = client.sources().createSource(github.createRequest(workspace, "GitHub")).execute();
    SourceResponse read = client.sources().getSource(created.getSourceId()).execute();
    SourceGithub back = SourceConfiguration.of(read, SourceGithub.class);
    assertEquals(List.of("airbytehq/airbyte"), back.repositories());
    assertInstanceOf(SourceGithub.Credentials.PatCredentials.class, back.credentials());
    assertThrows(ConnectorMismatchException.class, () -> SourceConfiguration.of(read, SourcePostgres.class));
  }

  @Test
  void aConnectorMissingFromTheServersNameTableWorksTypedAndFailsByNameAlone() {
    Map<String, Object> byName = Map.of("destinationType", "dev-null",
        "test_destination", Map.of("test_destination_type", "SILENT"));
    BadRequestException e = assertThrows(BadRequestException.class, () -> client.destinations()
        .createDestination(new DestinationCreateRequest().name("x").workspaceId(workspace).configuration(byName))
        .execute());
    assertTrue(e.getMessage().contains("value-not-found"), e.getMessage());

    DestinationDevNull devNull = DestinationDevNull.builder()
        .testDestination(DestinationDevNull.TestDestination.silent()).build();
    DestinationResponse created = client.destinations()
        .createDestination(devNull.createRequest(workspace, "Nowhere")).execute();
    assertEquals("", created.getDestinationType());
    assertEquals(devNull, DestinationConfiguration.of(created, DestinationDevNull.class));
  }

  @Test
  void aConfigurationReadBackChangedAndPatchedKeepsItsSecrets() {
    SourcePostgres postgres = ConfigurationTest.postgres();
    SourceResponse created = client.sources().createSource(postgres.createRequest(workspace, "pg")).execute();
    SourcePostgres read = SourceConfiguration.of(client.sources().getSource(created.getSourceId()).execute(),
        SourcePostgres.class);
    assertEquals("**********", read.password());
    assertEquals("**********", ((SourcePostgres.TunnelMethod.SshKeyAuth) read.tunnelMethod()).sshKey());

    SourcePostgres changed = read.toBuilder().host("db2.internal").build();
    client.sources().patchSource(created.getSourceId(), changed.patchRequest()).execute();

    // The fake stores a mask sent as the new secret, as the real server does: these prove none was sent.
    JsonObject stored = JsonParser.parseString(airbyte.fake().storedConfiguration(created.getSourceId()))
        .getAsJsonObject();
    assertEquals("db2.internal", stored.get("host").getAsString());
    assertEquals("pg-secret-1", stored.get("password").getAsString());
    assertEquals("-----BEGIN RSA PRIVATE KEY-----",
        stored.getAsJsonObject("tunnel_method").get("ssh_key").getAsString());
    assertFalse(airbyte.fake().requests().stream().anyMatch(r -> r.body() != null && r.body().contains("**********")));

    // A PUT of the read-back configuration is refused before anything is sent.
    int before = airbyte.fake().requestCount();
    assertThrows(InvalidConfigurationException.class, () -> changed.putRequest("pg"));
    assertEquals(before, airbyte.fake().requestCount());
  }

  @Test
  void theFakeRejectsWhatTheClientWouldHaveCaught() {
    SourcePostgres incomplete = SourcePostgres.builder().host("db").buildPartial();
    BadRequestException e = assertThrows(BadRequestException.class, () -> client.sources()
        .createSource(incomplete.createRequest(workspace, "pg", Validation.OFF)).execute());
    assertTrue(e.getMessage().contains("$.database: is missing but it is required"), e.getMessage());
    assertEquals(List.of("port: is required", "database: is required", "username: is required"),
        incomplete.problems().stream().map(ConfigurationProblem::toString).toList());
  }
}
