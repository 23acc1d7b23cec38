package io.github.airbytejava.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.airbytejava.AirbyteClient;
import io.github.airbytejava.AirbyteListener;
import io.github.airbytejava.Credentials;
import io.github.airbytejava.RetryPolicy;
import io.github.airbytejava.generated.model.WorkspaceResponse;
import io.github.airbytejava.provisioning.ResourceChange.Action;
import io.github.airbytejava.provisioning.ResourceChange.Type;
import io.github.airbytejava.provisioning.WorkspaceNotifications.Event;
import io.github.airbytejava.testkit.Fault;
import io.github.airbytejava.testkit.ManualClock;
import io.github.airbytejava.testkit.ReceivedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Workspaces created by name, their notifications, and planning many workspaces at once. */
class WorkspacesTest extends ProvisioningTestSupport {
  private static final String HOOK = "https://hooks.slack.example/services/T000/B000/token-XYZ123";

  private Provisioner withHook(String url) {
    return Provisioner.builder(client).secrets(SecretResolver.of(Map.of("PG_PASSWORD", PASSWORD, "SLACK_URL", url)))
        .build();
  }

  private WorkspaceState acme() {
    return WorkspaceState.builder().workspaceName("acme").organizationId(fake().defaultOrganizationId())
        .notifications(WorkspaceNotifications.builder().email(Event.FAILURE, true)
            .webhook(Event.FAILURE, Secret.ref("SLACK_URL")).build())
        .source(postgres("pg-prod", 5432)).destination(devNull("sink"))
        .connection(ConnectionSpec.builder("pg-to-sink", "pg-prod", "sink").status(ConnectionStatus.ACTIVE).build())
        .build();
  }

  private WorkspaceResponse live(String name) {
    return client.paginate().workspaces().filter(w -> w.getName().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void aStateStandsUpANewWorkspaceWholeThenAppliesAgainWithoutAWrite() {
    Provisioner provisioner = withHook(HOOK);
    Plan plan = provisioner.plan(acme());
    assertEquals(List.of("workspace acme", "source pg-prod", "destination sink", "connection pg-to-sink"),
        plan.pending().stream().map(c -> c.type().label() + " " + c.name()).toList());
    assertTrue(plan.render().contains("+ workspace \"acme\" will be created"), plan.render());
    assertTrue(plan.render().startsWith("Workspace \"acme\" (new)"), plan.render());
    assertTrue(plan.render().contains("notifications.failure.webhookUrl = (secret ${SLACK_URL})"), plan.render());
    assertFalse(plan.render().contains("token-XYZ123") || plan.changes().toString().contains("token-XYZ123"));

    ApplyResult result = provisioner.apply(plan).orThrow();
    WorkspaceResponse acme = live("acme");
    assertEquals(acme.getWorkspaceId(), result.id(Type.WORKSPACE, "acme").orElseThrow());
    assertEquals(HOOK, acme.getNotifications().getFailure().getWebhook().getUrl());
    assertEquals(Boolean.TRUE, acme.getNotifications().getFailure().getEmail().getEnabled());
    assertEquals(1, client.paginate().sources(List.of(acme.getWorkspaceId()), false).count());
    assertEquals(acme.getWorkspaceId(), client.paginate().connections().findFirst().orElseThrow().getWorkspaceId());

    fake().clearRequests();
    Plan again = provisioner.plan(acme());
    assertFalse(again.hasChanges(), again.render());
    provisioner.apply(again).orThrow();
    assertEquals(List.of(), writes());
  }

  @Test
  void notificationsUpdateInPlaceAndAChangedWebhookUrlIsSeenButNeverPrinted() {
    withHook(HOOK).apply(withHook(HOOK).plan(acme())).orThrow();
    String rotated = "https://hooks.slack.example/services/T000/B000/token-NEW456";
    Plan plan = withHook(rotated).plan(acme());
    ResourceChange change = plan.pending().get(0);
    assertEquals(Action.UPDATE, change.action());
    assertEquals(List.of(new FieldChange("notifications.failure.webhookUrl", "(secret)", "(secret ${SLACK_URL})")),
        change.fields());
    assertFalse(plan.render().contains("token-"), plan.render());
    fake().clearRequests();
    withHook(rotated).apply(plan).orThrow();
    List<ReceivedRequest> writes = writes();
    assertEquals(1, writes.size(), writes.toString());
    assertEquals("PATCH", writes.get(0).method());
    assertEquals(rotated, live("acme").getNotifications().getFailure().getWebhook().getUrl());

    WorkspaceState quiet = WorkspaceState.builder().workspaceName("acme").notifications(WorkspaceNotifications
        .builder().email(Event.FAILURE, false).webhookEnabled(Event.SUCCESS, false).build()).build();
    Plan off = withHook(rotated).plan(quiet);
    assertEquals(List.of(new FieldChange("notifications.failure.email", "true", "false")),
        off.pending().get(0).fields(), "success's webhook is off already");
    withHook(rotated).apply(off).orThrow();
    assertFalse(withHook(rotated).plan(quiet).hasChanges());
    assertEquals(rotated, live("acme").getNotifications().getFailure().getWebhook().getUrl(), "the URL is kept");
  }

  @Test
  void anExportedWorkspaceKeepsItsWebhookAsAReferenceAndPlansWithNoChange() {
    withHook(HOOK).apply(withHook(HOOK).plan(acme())).orThrow();
    String yaml = StateFiles.toYaml(provisioner.export(live("acme").getWorkspaceId()));
    assertFalse(yaml.contains("token-XYZ123"), yaml);
    assertTrue(yaml.contains("webhookUrl: ${WORKSPACE_FAILURE_WEBHOOK_URL}"), yaml);
    WorkspaceState back = StateFiles.parse(yaml, "acme.yaml");
    Plan unknown = Provisioner.builder(client).secrets(name -> null).build().plan(back);
    assertFalse(unknown.hasChanges(), unknown.render());
    Plan known = Provisioner.builder(client).secrets(SecretResolver.of(Map.of("WORKSPACE_FAILURE_WEBHOOK_URL", HOOK,
        "PG_PROD_PASSWORD", PASSWORD))).build().plan(back);
    assertFalse(known.hasChanges(), known.render());
  }

  @Test
  void manyWorkspacesArePlannedSideBySideWithBoundedRequestsInFlightReadingOnlyLists() {
    int workspaces = 12;
    List<WorkspaceState> states = new ArrayList<>();
    for (int i = 0; i < workspaces; i++) {
      states.add(WorkspaceState.builder().workspaceName("customer-" + i).organizationId(fake().defaultOrganizationId())
          .source(postgres("pg", 5432 + i)).destination(devNull("sink"))
          .connection(ConnectionSpec.builder("pg-to-sink", "pg", "sink").build()).build());
    }
    provisioner.apply(provisioner.plan(states)).orThrow();

    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    AirbyteListener counting = new AirbyteListener() {
      @Override
      public void onRequestStart(RequestStart start) {
        most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      }

      @Override
      public void onRequestEnd(RequestEnd end) {
        inFlight.decrementAndGet();
      }
    };
    fake().latency(Duration.ofMillis(25));
    try (AirbyteClient counted = AirbyteClient.builder().baseUrl(fake().baseUrl()).retries(RetryPolicy.none())
        .credentials(Credentials.clientCredentials(fake().clientId(), fake().clientSecret())).listener(counting)
        .build()) {
      Provisioner three = Provisioner.builder(counted).concurrency(3)
          .secrets(SecretResolver.of(Map.of("PG_PASSWORD", PASSWORD))).build();
      fake().clearRequests();
      Plan plan = three.plan(states);
      List<ReceivedRequest> requests = fake().requests().stream()
          .filter(r -> !r.path().endsWith("/applications/token")).toList();
      assertFalse(plan.hasChanges(), plan.render());
      assertEquals(workspaces * 3, plan.count(Action.UNCHANGED));
      List<UUID> order = plan.changes().stream().map(ResourceChange::workspaceId).distinct().toList();
      assertEquals(states.stream().map(s -> live(s.workspaceName()).getWorkspaceId()).toList(), order,
          "the plan follows the order of the states");
      assertTrue(most.get() <= 3, "at most 3 in flight, saw " + most.get());
      assertTrue(most.get() > 1, "workspaces are read side by side, saw " + most.get());
      assertTrue(requests.stream().allMatch(r -> r.method().equals("GET") && r.query() != null
          && r.path().matches(".*/(workspaces|sources|destinations|connections)")), requests.toString());
      // Each list reads until a page comes back short; what is listed is the workspaces, then 3 lists of each one.
      Set<String> lists = requests.stream().map(r -> r.path() + "?" + r.query().replaceAll("&?offset=\\d+", ""))
          .collect(Collectors.toSet());
      assertEquals(1 + workspaces * 3, lists.size(), lists.toString());
    } finally {
      fake().latency(Duration.ZERO);
    }
  }

  @Test
  void aRequestRefusedWith429WaitsOutRetryAfterForEveryoneAndIsSentAgain() {
    ManualClock clock = new ManualClock();
    List<Duration> waits = new ArrayList<>();
    Provisioner paced = Provisioner.builder(client).concurrency(4).secrets(SecretResolver.of(Map.of("PG_PASSWORD",
        PASSWORD))).sleeper(d -> {
          waits.add(d);
          clock.advance(d);
        }, clock).build();
    provisioner.apply(provisioner.plan(state().source(postgres("pg", 5432)).build())).orThrow();
    fake().clearRequests();
    fake().faults().next(Fault.status(429).retryAfterSeconds(7).on("GET", "/sources"));
    Plan plan = paced.plan(state().source(postgres("pg", 5432)).build());
    assertFalse(plan.hasChanges(), plan.render());
    assertEquals(List.of(Duration.ofSeconds(7)), waits);
    assertEquals(2, fake().requests().stream().filter(r -> r.path().endsWith("/sources")
        && r.query().contains("offset=0")).count(), "refused once, then sent again");
  }
}
