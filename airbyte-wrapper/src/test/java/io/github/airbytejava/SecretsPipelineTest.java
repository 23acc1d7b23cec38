package io.github.airbytejava;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.airbytejava.generated.invoker.ApiResponse;
import io.github.airbytejava.generated.model.ConnectionCreateRequest;
import io.github.airbytejava.generated.model.ConnectionResponse;
import io.github.airbytejava.generated.model.DestinationCreateRequest;
import io.github.airbytejava.generated.model.DestinationResponse;
import io.github.airbytejava.generated.model.JobResponse;
import io.github.airbytejava.generated.model.JobStatusEnum;
import io.github.airbytejava.generated.model.JobTypeEnum;
import io.github.airbytejava.generated.model.SourceCreateRequest;
import io.github.airbytejava.generated.model.SourcePatchRequest;
import io.github.airbytejava.generated.model.SourceResponse;
import io.github.airbytejava.generated.model.SourcesResponse;
import io.github.airbytejava.testkit.FakeAirbyte;
import io.github.airbytejava.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The whole pipeline against the fake with BODY logging: a client secret, a connector password, an SSH key and a
 * service-account JSON are planted, and none of them may appear in any log line, any exception message or the
 * {@code toString()} of any request or response object.
 */
class SecretsPipelineTest {
  private static final String CLIENT_SECRET = "planted-client-secret-7e3b";
  private static final String PASSWORD = "planted-db-password-51c0";
  private static final String SSH_KEY_BODY = "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ-planted";
  private static final String SSH_KEY =
      "-----BEGIN OPENSSH PRIVATE KEY-----\n" + SSH_KEY_BODY + "\n-----END OPENSSH PRIVATE KEY-----\n";
  private static final String SA_KEY = "planted-service-account-key-9a4f";
  private static final String SERVICE_ACCOUNT = "{\"type\":\"service_account\",\"project_id\":\"p\","
      + "\"private_key_id\":\"k1\",\"private_key\":\"" + SA_KEY + "\",\"client_email\":\"sa@p.iam\"}";
  private static final List<String> SECRETS = List.of(CLIENT_SECRET, PASSWORD, SSH_KEY_BODY, SA_KEY);
  private static final UUID POSTGRES = UUID.fromString("decd338e-5647-4c0b-adf4-da0e75f5a750");
  private static final UUID DEV_NULL = UUID.fromString("a7bcc9d8-13b3-4e49-b80d-d020b90045e3");

  @Test
  void noPlantedSecretAppearsInAnyLogLineExceptionMessageOrToString() {
    ManualClock clock = new ManualClock(Instant.parse("2026-11-28T10:00:00Z"));
    List<String> shown = new ArrayList<>();
    RecordingSlf4j.clear();
    try (FakeAirbyte fake = FakeAirbyte.builder().clientSecret(CLIENT_SECRET).clock(clock).conformance(false)
        .jobDuration(Duration.ofSeconds(30)).start();
        AirbyteClient client = AirbyteClient.fromEnv(fake.env()).toBuilder().clock(clock).sleeper(clock::sleep)
            .logLevel(AirbyteClient.LogLevel.BODY).build()) {
      UUID workspace = fake.defaultWorkspaceId();
      shown.add(client.toString());

      SourceCreateRequest sourceRequest = new SourceCreateRequest().name("pg").workspaceId(workspace)
          .definitionId(POSTGRES).configuration(Map.of("host", "db.internal", "port", 5432, "database", "app",
              "username", "airbyte", "password", PASSWORD,
              "tunnel_method", Map.of("tunnel_method", "SSH_KEY_AUTH", "tunnel_host", "bastion",
                  "tunnel_port", 22, "tunnel_user", "airbyte", "ssh_key", SSH_KEY)));
      SourceResponse source = client.sources().createSource(sourceRequest).execute();
      DestinationCreateRequest destinationRequest = new DestinationCreateRequest().name("nowhere")
          .workspaceId(workspace).definitionId(DEV_NULL).configuration(Map.of(
              "test_destination", Map.of("test_destination_type", "SILENT"),
              "credentials_json", SERVICE_ACCOUNT, "note", SERVICE_ACCOUNT));
      DestinationResponse destination = client.destinations().createDestination(destinationRequest).execute();
      ConnectionCreateRequest connectionRequest = new ConnectionCreateRequest().name("pg to nowhere")
          .sourceId(source.getSourceId()).destinationId(destination.getDestinationId());
      ConnectionResponse connection = client.connections().createConnection(connectionRequest).execute();

      JobResponse job = client.syncs().run(connection.getConnectionId(), JobTypeEnum.SYNC, SyncOptions.defaults())
          .job();
      assertEquals(JobStatusEnum.SUCCEEDED, job.getStatus());

      SourcePatchRequest patch = new SourcePatchRequest().configuration(Map.of("password", PASSWORD));
      SourceResponse patched = client.sources().patchSource(source.getSourceId(), patch).execute();
      ApiResponse<SourceResponse> raw = client.sources().getSource(source.getSourceId()).executeRaw();
      ApiResponse<SourcesResponse> listed = client.sources().listSources().executeRaw();
      List<SourceResponse> all = client.paginate().sources().toList();

      AirbyteException missing = assertThrows(NotFoundException.class,
          () -> client.sources().getSource(UUID.randomUUID()).execute());
      AirbyteException refused = assertThrows(AirbyteException.class, () -> client.sources().createSource(
          new SourceCreateRequest().name("bad").workspaceId(UUID.randomUUID()).definitionId(POSTGRES)
              .configuration(Map.of("password", PASSWORD, "ssh_key", SSH_KEY))).execute());
      try (AirbyteClient wrongSecret = client.toBuilder().credentials(Credentials.clientCredentials(fake.clientId(),
          CLIENT_SECRET + "-wrong")).build()) {
        AirbyteException tokenRefused = assertThrows(AuthenticationException.class,
            () -> wrongSecret.sources().getSource(source.getSourceId()).execute());
        shown.addAll(texts(tokenRefused));
        shown.add(wrongSecret.toString());
      }

      for (Object object : List.of(sourceRequest, source, destinationRequest, destination, connectionRequest,
          connection, job, patch, patched, raw, listed, listed.data(), all, client.options(),
          Credentials.clientCredentials(fake.clientId(), CLIENT_SECRET))) {
        shown.add(String.valueOf(object));
      }
      shown.addAll(texts(missing));
      shown.addAll(texts(refused));
    }
    List<RecordingSlf4j.Event> events = RecordingSlf4j.events();
    events.forEach(event -> shown.add(event.text()));

    assertTrue(events.stream().anyMatch(e -> e.text().contains("--> POST") && e.text().contains("/v1/sources")),
        "BODY logging logged the pipeline");
    assertTrue(events.stream().anyMatch(e -> e.text().contains("\"password\":\"██\"")), "and masked what it logged");
    for (String text : shown) {
      for (String secret : SECRETS) {
        assertFalse(text.contains(secret), "found " + secret + " in:\n" + text);
      }
    }
  }

  /** What an exception shows: its and its causes' messages, raw bodies and details. */
  private static List<String> texts(AirbyteException e) {
    List<String> texts = new ArrayList<>();
    for (Throwable t = e; t != null; t = t.getCause()) {
      texts.add(String.valueOf(t));
      for (Throwable suppressed : t.getSuppressed()) texts.add(String.valueOf(suppressed));
    }
    if (e instanceof AirbyteHttpException http) {
      texts.add(String.valueOf(http.getRawBody()));
      texts.add(String.valueOf(http.getDetail()));
    }
    return texts;
  }
}
