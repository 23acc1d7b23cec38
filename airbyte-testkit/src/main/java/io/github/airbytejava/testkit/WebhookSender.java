package io.github.airbytejava.testkit;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Airbyte's notification webhooks, as the fake sends them: when a job of a workspace whose {@code success} or
 * {@code failure} notification has an enabled webhook ends, its real-shaped body ({@code text}, {@code blocks},
 * {@code data}) is POSTed to that URL. Jobs end by the clock, not by a thread, so endings are looked for on every
 * request and, while a job of such a workspace runs, every 100 ms. POSTs go off the request thread, with 2-second
 * timeouts and at most 3 tries, and only to loopback: the fake never calls anything but what a test set up on this
 * machine.
 */
final class WebhookSender implements ResourceGroup {
  private static final MediaType JSON = MediaType.get("application/json");
  private static final int TRIES = 3;
  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1");

  private final Context context;
  private final Jobs jobs;
  private final ConfigApi configApi;
  private final Workspaces workspaces;
  private final Connections connections;
  private final Sources sources;
  private final Destinations destinations;
  /** Jobs already told of (or ended with no webhook to tell): each job's end is sent once. */
  private final Set<Long> done = new HashSet<>();
  private final List<WebhookDelivery> deliveries = Collections.synchronizedList(new ArrayList<>());
  private Runnable sweepUnderLock;
  /** Whether a tick is scheduled: one at a time, however many requests sweep meanwhile. */
  private final AtomicBoolean tickScheduled = new AtomicBoolean();
  private ScheduledExecutorService executor;
  private OkHttpClient http;
  private boolean closed;

  WebhookSender(Context context, Jobs jobs, ConfigApi configApi, Workspaces workspaces, Connections connections,
      Sources sources, Destinations destinations) {
    this.context = context;
    this.jobs = jobs;
    this.configApi = configApi;
    this.workspaces = workspaces;
    this.connections = connections;
    this.sources = sources;
    this.destinations = destinations;
  }

  /** How the ticker takes the fake's lock before it sweeps. */
  void sweepUnderLock(Runnable sweep) {
    this.sweepUnderLock = sweep;
  }

  @Override
  public void routes(Routes routes) {
    // Sends, serves nothing.
  }

  @Override
  public void reset() {
    done.clear();
    deliveries.clear();
  }

  List<WebhookDelivery> deliveries() {
    synchronized (deliveries) {
      return List.copyOf(deliveries);
    }
  }

  /** Sends what jobs have ended since the last sweep; called under the fake's lock. */
  void sweep() {
    boolean waiting = false;
    for (long id : jobs.ids()) {
      if (done.contains(id)) {
        continue;
      }
      JobFacts job = jobs.facts(id);
      Workspaces.Workspace workspace = workspaces.find(job.workspaceId());
      if (workspace == null || !anyWebhook(workspace)) {
        if (job.ended()) {
          done.add(id);
        }
        continue;
      }
      if (!job.ended()) {
        waiting = true;
        continue;
      }
      done.add(id);
      String event = job.status().equals("succeeded") ? "success" : job.status().equals("failed") ? "failure" : null;
      String url = event == null ? null : webhookUrl(workspace, event);
      if (url != null) {
        send(url, job.id(), event, Json.GSON.toJson(body(job, workspace)));
      }
    }
    if (waiting) {
      tick();
    }
  }

  private static boolean anyWebhook(Workspaces.Workspace workspace) {
    return webhookUrl(workspace, "success") != null || webhookUrl(workspace, "failure") != null;
  }

  private static String webhookUrl(Workspaces.Workspace workspace, String event) {
    JsonObject config = Json.objectOrNull(workspace.notifications, event);
    JsonObject webhook = config == null ? null : Json.objectOrNull(config, "webhook");
    if (webhook == null || !Boolean.TRUE.equals(Json.booleanOrNull(webhook, "enabled"))) {
      return null;
    }
    String url = Json.string(webhook, "url");
    return url == null || url.isBlank() ? null : url;
  }

  private void tick() {
    ScheduledExecutorService ticker = executor();
    if (ticker != null && sweepUnderLock != null && tickScheduled.compareAndSet(false, true)) {
      ticker.schedule(() -> {
        tickScheduled.set(false);
        sweepUnderLock.run();
      }, 100, TimeUnit.MILLISECONDS);
    }
  }

  private void send(String url, long jobId, String event, String body) {
    HttpUrl target = HttpUrl.parse(url);
    if (target == null || !LOOPBACK.contains(target.host())) {
      deliveries.add(new WebhookDelivery(url, jobId, event, body, 0, 0,
          "not sent: the fake Airbyte POSTs only to loopback (127.0.0.1, localhost, ::1) URLs"));
      return;
    }
    ScheduledExecutorService sender = executor();
    if (sender == null) {
      return;
    }
    sender.execute(() -> deliver(target, jobId, event, body));
  }

  private void deliver(HttpUrl url, long jobId, String event, String body) {
    int status = 0;
    String error = null;
    int tries = 0;
    while (tries < TRIES) {
      tries++;
      Request request = new Request.Builder().url(url).post(RequestBody.create(body, JSON))
          .header("User-Agent", "fake-airbyte-webhook").build();
      try (Response response = http().newCall(request).execute()) {
        status = response.code();
        error = response.isSuccessful() ? null : "HTTP " + status;
        if (status < 500) {
          break;
        }
      } catch (IOException e) {
        status = 0;
        error = e.toString();
      }
      try {
        Thread.sleep(100L * tries);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    deliveries.add(new WebhookDelivery(url.toString(), jobId, event, body, tries, status, error));
  }

  private synchronized ScheduledExecutorService executor() {
    if (closed) {
      return null;
    }
    if (executor == null) {
      executor = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "fake-airbyte-webhooks");
        thread.setDaemon(true);
        return thread;
      });
    }
    return executor;
  }

  private synchronized OkHttpClient http() {
    if (http == null) {
      http = new OkHttpClient.Builder().connectTimeout(TIMEOUT).readTimeout(TIMEOUT).writeTimeout(TIMEOUT)
          .callTimeout(TIMEOUT.multipliedBy(2)).retryOnConnectionFailure(false).followRedirects(false).build();
    }
    return http;
  }

  synchronized void close() {
    closed = true;
    if (executor != null) {
      executor.shutdownNow();
    }
    if (http != null) {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  /** The body Airbyte's {@code WebhookNotificationSender} POSTs for a sync's end: Slack's fields and {@code data}. */
  private JsonObject body(JobFacts job, Workspaces.Workspace workspace) {
    Connections.Connection connection = connections.find(job.connectionId());
    Actors.Actor source = connection == null ? null : sources.find(connection.sourceId);
    Actors.Actor destination = connection == null ? null : destinations.find(connection.destinationId);
    String ui = uiRoot() + "/workspaces/" + workspace.id;
    String connectionName = connection == null ? job.connectionId() : connection.name;
    boolean success = job.status().equals("succeeded");

    JsonObject data = new JsonObject();
    data.add("workspace", ref(workspace.id, workspace.name, ui));
    data.add("connection", ref(job.connectionId(), connectionName, ui + "/connections/" + job.connectionId()));
    data.add("source", source == null ? null
        : ref(source.id, source.name, ui + "/source/" + source.id));
    data.add("destination", destination == null ? null
        : ref(destination.id, destination.name, ui + "/destination/" + destination.id));
    data.addProperty("jobId", job.id());
    data.addProperty("startedAt", job.createdAt().toString());
    data.addProperty("finishedAt", job.updatedAt().toString());
    data.addProperty("bytesEmitted", job.bytes());
    data.addProperty("bytesCommitted", job.bytes());
    data.addProperty("recordsEmitted", job.rows());
    data.addProperty("recordsCommitted", job.rows());
    data.addProperty("recordsFilteredOut", 0);
    data.addProperty("bytesFilteredOut", 0);
    if (!success) {
      FakeFailure failure = configApi.failureOf(job, job.attempts().size() - 1);
      data.addProperty("errorMessage", failure.externalMessage());
      data.addProperty("errorType", failure.type());
      data.addProperty("errorOrigin", failure.origin());
    }
    data.addProperty("bytesEmittedFormatted", job.bytes() + " B");
    data.addProperty("bytesCommittedFormatted", job.bytes() + " B");
    data.addProperty("success", success);
    long seconds = Duration.between(job.createdAt(), job.updatedAt()).getSeconds();
    data.addProperty("durationInSeconds", seconds);
    data.addProperty("durationFormatted", (seconds / 60) + " min " + (seconds % 60) + " sec");

    String text = "Your connection " + connectionName + (source == null ? "" : " from " + source.name)
        + (destination == null ? "" : " to " + destination.name) + (success ? " succeeded" : " failed")
        + ".\nJob ID: " + job.id() + "\n" + ui + "/connections/" + job.connectionId() + "/timeline";
    JsonObject body = new JsonObject();
    body.addProperty("text", text);
    JsonArray blocks = new JsonArray();
    JsonObject section = new JsonObject();
    section.addProperty("type", "section");
    JsonObject sectionText = new JsonObject();
    sectionText.addProperty("type", "mrkdwn");
    sectionText.addProperty("text", text);
    section.add("text", sectionText);
    blocks.add(section);
    body.add("blocks", blocks);
    body.add("data", data);
    return body;
  }

  private static JsonObject ref(String id, String name, String url) {
    JsonObject ref = new JsonObject();
    ref.addProperty("id", id);
    ref.addProperty("name", name);
    ref.addProperty("url", url);
    return ref;
  }

  /** The fake's own host stands for Airbyte's web app. */
  private String uiRoot() {
    HttpUrl base = HttpUrl.parse(context.baseUrl());
    return base == null ? "http://127.0.0.1" : base.scheme() + "://" + base.host() + ":" + base.port();
  }
}
