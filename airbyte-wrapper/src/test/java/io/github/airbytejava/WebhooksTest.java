package io.github.airbytejava;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.airbytejava.configapi.FailureOrigin;
import io.github.airbytejava.configapi.FailureType;
import io.github.airbytejava.generated.model.NotificationsConfig;
import io.github.airbytejava.testkit.FakeAirbyte;
import io.github.airbytejava.testkit.FakeFailure;
import io.github.airbytejava.testkit.ManualClock;
import io.github.airbytejava.testkit.NoDelayServerSocketFactory;
import io.github.airbytejava.webhook.NotificationEvent;
import io.github.airbytejava.webhook.SyncNotification;
import io.github.airbytejava.webhook.WebhookConfirmation;
import io.github.airbytejava.webhook.WebhookNotification;
import io.github.airbytejava.webhook.WebhookParseException;
import io.github.airbytejava.webhook.WebhookSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Airbyte's webhooks end to end: a workspace's webhooks configured through the typed call, the fake POSTing the
 * real-shaped body to a receiver on loopback when a job ends, the body parsed and confirmed through the API, and a
 * forged body not confirmed.
 */
class WebhooksTest {
  private final ManualClock clock = new ManualClock();
  private final FakeAirbyte fake = FakeAirbyte.builder().clock(clock).jobDuration(Duration.ofMinutes(10))
      .tokenLifetime(Duration.ofDays(1)).start();
  private final MockWebServer receiver = new MockWebServer();
  private AirbyteClient client;

  @BeforeEach
  void start() throws IOException {
    receiver.setServerSocketFactory(new NoDelayServerSocketFactory());
    receiver.start();
    client = AirbyteClient.fromEnv(fake.env()).toBuilder().clock(clock).sleeper(clock::sleep).build();
  }

  @AfterEach
  void stop() {
    client.close();
    fake.close();
    receiver.close();
  }

  private UUID connection() {
    return OnTheFake.connection(client, fake.defaultWorkspaceId());
  }

  private String receive() throws InterruptedException {
    RecordedRequest request = receiver.takeRequest(10, TimeUnit.SECONDS);
    assertNotNull(request, "the fake POSTed no webhook");
    assertEquals("POST", request.getMethod());
    return request.getBody().string(StandardCharsets.UTF_8);
  }

  @Test
  void aFailureWebhookFromTheFakeParsesAndConfirms() throws Exception {
    receiver.enqueue(new MockResponse.Builder().code(200).build());
    String url = receiver.url("/hooks/airbyte-planted-token").toString();
    NotificationsConfig notifications = client.webhooks().configure(fake.defaultWorkspaceId(), WebhookSettings.builder()
        .send(NotificationEvent.FAILURE, url).send(NotificationEvent.SUCCESS, url).build()).getNotifications();
    assertEquals(url, notifications.getFailure().getWebhook().getUrl());
    assertEquals(Boolean.TRUE, notifications.getSuccess().getWebhook().getEnabled());
    UUID connection = connection();
    fake.nextJobEndsAs("failed");
    fake.setFailure(1, FakeFailure.of("destination", "config_error", "The bucket does not exist."));
    Instant before = clock.instant();

    SyncOutcome outcome = client.syncs().run(connection);
    WebhookNotification notification = WebhookNotification.parse(receive());

    SyncNotification sync = notification.sync().orElseThrow();
    assertFalse(notification.isTest());
    assertEquals(outcome.jobId(), sync.jobId());
    assertEquals(Boolean.FALSE, sync.success());
    assertEquals(connection, sync.connection().id());
    assertEquals("Faker to nowhere", sync.connection().name());
    assertEquals("Faker", sync.source().name());
    assertEquals("Nowhere", sync.destination().name());
    assertEquals(fake.defaultWorkspaceId(), sync.workspace().id());
    assertEquals("The bucket does not exist.", sync.errorMessage());
    assertEquals(FailureType.CONFIG_ERROR, sync.errorType());
    assertEquals(FailureOrigin.DESTINATION, sync.errorOrigin());
    assertEquals(before, sync.startedAt());
    assertTrue(sync.finishedAt().isAfter(before));
    assertEquals(5_000L, sync.recordsCommitted());

    WebhookConfirmation confirmation = client.webhooks().confirm(notification);
    assertTrue(confirmation.confirmed(), confirmation.reason());
    assertEquals(outcome.jobId(), confirmation.apiJob().orElseThrow().getJobId());
    assertFalse(WebhookSettings.builder().send(NotificationEvent.FAILURE, url).build().toString()
        .contains("planted-token"), "a webhook URL's token stays out of toString()");
    fake.assertConformant();
  }

  @Test
  void aForgedPayloadIsNotConfirmed() throws Exception {
    receiver.enqueue(new MockResponse.Builder().code(200).build());
    client.webhooks().configure(fake.defaultWorkspaceId(), WebhookSettings.builder()
        .send(NotificationEvent.SUCCESS, receiver.url("/hook").toString()).build());
    UUID connection = connection();
    client.syncs().run(connection);
    String real = receive();
    assertTrue(client.webhooks().confirm(WebhookNotification.parse(real)).confirmed());

    String forged = real.replace("\"success\":true", "\"success\":false");
    WebhookConfirmation wrongStatus = client.webhooks().confirm(WebhookNotification.parse(forged));
    assertFalse(wrongStatus.confirmed());
    assertTrue(wrongStatus.reason().contains("SUCCEEDED") || wrongStatus.reason().contains("succeeded"),
        wrongStatus.reason());

    WebhookConfirmation noSuchJob = client.webhooks().confirm(WebhookNotification.parse(
        real.replace("\"jobId\":1", "\"jobId\":4242")));
    assertFalse(noSuchJob.confirmed());
    assertTrue(noSuchJob.reason().contains("no job 4242"), noSuchJob.reason());

    WebhookConfirmation otherConnection = client.webhooks().confirm(WebhookNotification.parse(
        real.replace(connection.toString(), UUID.randomUUID().toString())));
    assertFalse(otherConnection.confirmed());

    WebhookNotification test = WebhookNotification.parse("{\"text\": \"Hello World! This is a test.\"}");
    assertTrue(test.isTest());
    assertFalse(client.webhooks().confirm(test).confirmed());
  }

  @Test
  void aZeroCountSuccessWebhookSaysSoToo() throws Exception {
    receiver.enqueue(new MockResponse.Builder().code(200).build());
    client.webhooks().configure(fake.defaultWorkspaceId(), WebhookSettings.builder()
        .send(NotificationEvent.SUCCESS, receiver.url("/hook").toString()).build());
    UUID connection = connection();
    fake.nextJobSucceedsWithZeroCounts();
    assertTrue(client.syncs().run(connection).zeroCountSuccess());
    SyncNotification sync = WebhookNotification.parse(receive()).sync().orElseThrow();
    assertTrue(sync.zeroCountSuccess());
    assertTrue(client.webhooks().confirm(WebhookNotification.parse(
        "{\"data\": {\"jobId\": 1, \"success\": true}}")).confirmed(), "a minimal real payload confirms");
  }

  @Test
  void bodiesThatAreNoNotificationsAreTypedErrors() {
    WebhookParseException notJson = assertThrows(WebhookParseException.class,
        () -> WebhookNotification.parse("token=planted-secret-99&x=1"));
    assertTrue(notJson.getMessage().startsWith("The webhook body is not JSON"), notJson.getMessage());
    assertFalse(notJson.getMessage().contains("planted-secret-99"), notJson.getMessage());
    assertThrows(WebhookParseException.class, () -> WebhookNotification.parse("[1, 2]"));
    assertThrows(WebhookParseException.class, () -> WebhookNotification.parse(""));
    WebhookParseException unknown = assertThrows(WebhookParseException.class,
        () -> WebhookNotification.parse("{\"version\": 7, \"event\": {\"kind\": \"sync\"}}"));
    assertTrue(unknown.getMessage().contains("version"), unknown.getMessage());
    assertThrows(WebhookParseException.class, () -> WebhookNotification.parse("{\"data\": \"text\"}"));

    WebhookNotification odd = WebhookNotification.parse("{\"data\": {\"jobId\": \"12\", \"success\": \"yes\", "
        + "\"errorType\": \"brand_new_type\", \"connection\": {\"id\": \"not-a-uuid\"}, \"future\": {}}}");
    SyncNotification sync = odd.sync().orElseThrow();
    assertEquals(12L, sync.jobId());
    assertNull(sync.success());
    assertEquals(FailureType.UNKNOWN, sync.errorType());
    assertNull(sync.connection().id());
    assertNull(sync.workspace());
  }
}
