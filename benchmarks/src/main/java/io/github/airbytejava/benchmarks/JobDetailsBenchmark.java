package io.github.airbytejava.benchmarks;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.airbytejava.AirbyteClient;
import io.github.airbytejava.Credentials;
import io.github.airbytejava.configapi.JobDetails;
import io.github.airbytejava.configapi.LogLine;
import io.github.airbytejava.testkit.NoDelayServerSocketFactory;
import io.github.airbytejava.webhook.WebhookNotification;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Why a sync failed, measured: a failed job's details from the internal Config API (3 attempts with their failure
 * summaries and stack traces, {@code jobs/get_without_logs}), its log ({@code jobs/get}, 3 attempts, 10,000 lines),
 * and parsing a webhook body. The floor of each is a plain OkHttp call and a plain Gson into hand-written classes
 * ({@link Floor}) reading the same body.
 *
 * <p>Time: a child JVM alternates client and floor (A, B, B, A) after a warm-up and reports medians. Memory: two more
 * child JVMs read the log once each and, a quarter, half and three quarters of the way through its lines, run a full
 * GC and note the heap in use: what the reader holds while it reads, against the body's size. The server (a
 * MockWebServer answering the same bodies every time) runs in the parent JVM.
 *
 * <p>Registered in {@link Suite} as {@code --only=jobdetails}; by hand: {@code JobDetailsBenchmark time BASE_URL
 * ROUNDS} or {@code JobDetailsBenchmark heap BASE_URL client|floor}, each printing {@code RESULT {...}}.
 */
public final class JobDetailsBenchmark {
  static final int LOG_LINES = 10_000;
  static final int ATTEMPTS = 3;
  private static final String TOKEN = "benchmark-token";
  private static final MediaType JSON = MediaType.get("application/json");
  private static final Gson GSON = new Gson();

  private JobDetailsBenchmark() {}

  /** Runs the measurements for {@link Suite} and returns its table's rows. */
  static List<String[]> suite(boolean quick, Path out, String java, String classpath) throws Exception {
    System.err.println("[jobdetails] a failed job's details and its 10,000-line log (Config API), a webhook body ...");
    List<String[]> rows = new ArrayList<>();
    try (MockWebServer server = server()) {
      String base = server.url("/api/public/v1").toString();
      JsonObject time = child(out.resolve("jobdetails-time.log"), java, "-cp", classpath,
          JobDetailsBenchmark.class.getName(), "time", base, quick ? "200" : "2000");
      JsonObject heapClient = child(out.resolve("jobdetails-heap-client.log"), java, "-XX:+UseSerialGC", "-Xmx256m",
          "-cp", classpath, JobDetailsBenchmark.class.getName(), "heap", base, "client");
      JsonObject heapFloor = child(out.resolve("jobdetails-heap-floor.log"), java, "-XX:+UseSerialGC", "-Xmx256m",
          "-cp", classpath, JobDetailsBenchmark.class.getName(), "heap", base, "floor");
      if (time == null || heapClient == null || heapFloor == null) {
        rows.add(new String[] {"Job details, logs and webhooks", "failed: see " + out, "", "", "", "**no**"});
        return rows;
      }
      double details = time.get("detailsClientUs").getAsDouble() / time.get("detailsFloorUs").getAsDouble();
      rows.add(new String[] {"A failed job's details, 3 attempts with failure summaries (`internalConfigApi()"
          + ".jobDetails(id)`, Config API `jobs/get_without_logs`, "
          + Suite.kb(time.get("detailsBodyBytes").getAsLong())
          + " body; median, side by side); floor = OkHttp + plain Gson into hand-written classes",
          Suite.us(time.get("detailsClientUs").getAsDouble()), Suite.us(time.get("detailsFloorUs").getAsDouble()),
          Suite.ratio(details), "≤ 1.2x", details <= 1.2 ? "yes" : "**no**"});
      double logs = time.get("logsClientUs").getAsDouble() / time.get("logsFloorUs").getAsDouble();
      rows.add(new String[] {"Its log, 3 attempts and 10,000 lines, every line read (`logs(id)`, streamed and "
          + "masked; `jobs/get`, " + Suite.kb(time.get("logsBodyBytes").getAsLong()) + " body); floor = the whole body "
          + "into hand-written classes, unmasked", Suite.us(time.get("logsClientUs").getAsDouble()),
          Suite.us(time.get("logsFloorUs").getAsDouble()), Suite.ratio(logs), "none (information)", "—"});
      long body = time.get("logsBodyBytes").getAsLong();
      long heldClient = heapClient.get("heldBytes").getAsLong();
      long heldFloor = heapFloor.get("heldBytes").getAsLong();
      rows.add(new String[] {"Heap held while reading that log (after a full GC at 1/4, 1/2 and 3/4 of the lines, "
          + "the most, minus before the call), against the body's " + Suite.kb(body),
          Suite.kb(heldClient), Suite.kb(heldFloor), Suite.ratio((double) heldClient / heldFloor),
          "streamed: well under the body (≤ 0.1×)", heldClient <= body / 10 ? "yes" : "**no**"});
      double webhook = time.get("webhookClientUs").getAsDouble() / time.get("webhookFloorUs").getAsDouble();
      rows.add(new String[] {"Parse a sync failure webhook body (`WebhookNotification.parse`, no HTTP); floor = plain "
          + "Gson into a hand-written class", Suite.us(time.get("webhookClientUs").getAsDouble()),
          Suite.us(time.get("webhookFloorUs").getAsDouble()), Suite.ratio(webhook), "none (information)", "—"});
    }
    return rows;
  }

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    String base = args[1];
    try (AirbyteClient client = AirbyteClient.builder().baseUrl(base).credentials(Credentials.bearerToken(TOKEN))
        .enableInternalConfigApi().build()) {
      OkHttpClient http = new OkHttpClient();
      String configRoot = client.internalConfigApi().rootUrl();
      if (mode.equals("time")) {
        int rounds = Integer.parseInt(args[2]);
        String webhook = webhookBody();
        LongSupplier detailsClient = () -> {
          JobDetails details = client.internalConfigApi().jobDetails(1);
          return details.attempts().size();
        };
        LongSupplier detailsFloor = () -> Floor.details(http, configRoot).attempts.size();
        LongSupplier logsClient = () -> {
          try (Stream<LogLine> lines = client.internalConfigApi().logs(1)) {
            return lines.mapToLong(line -> line.message().length()).sum();
          }
        };
        LongSupplier logsFloor = () -> Floor.logs(http, configRoot);
        LongSupplier webhookClient = () -> WebhookNotification.parse(webhook).sync().orElseThrow().jobId();
        LongSupplier webhookFloor = () -> GSON.fromJson(webhook, Floor.Webhook.class).data.jobId;
        if (logsClient.getAsLong() != logsFloor.getAsLong()) {
          throw new IllegalStateException("client and floor read different logs");
        }
        double[] detailsUs = sideBySide(detailsClient, detailsFloor, rounds);
        double[] logsUs = sideBySide(logsClient, logsFloor, Math.max(20, rounds / 10));
        double[] webhookUs = sideBySide(webhookClient, webhookFloor, rounds * 10);
        System.out.printf(Locale.ROOT, "RESULT {\"detailsClientUs\":%.3f,\"detailsFloorUs\":%.3f,"
                + "\"logsClientUs\":%.3f,\"logsFloorUs\":%.3f,\"webhookClientUs\":%.3f,\"webhookFloorUs\":%.3f,"
                + "\"detailsBodyBytes\":%d,\"logsBodyBytes\":%d}%n", detailsUs[0], detailsUs[1], logsUs[0], logsUs[1],
            webhookUs[0], webhookUs[1], body(false).getBytes(StandardCharsets.UTF_8).length,
            body(true).getBytes(StandardCharsets.UTF_8).length);
      } else {
        boolean viaClient = args[2].equals("client");
        // Warm up both paths' classes first, so that loading them is not counted as held.
        try (Stream<LogLine> lines = client.internalConfigApi().logs(1)) {
          lines.limit(10).count();
        }
        Floor.logs(http, configRoot);
        long before = usedAfterGc();
        long[] most = new long[1];
        Runnable sample = () -> most[0] = Math.max(most[0], usedAfterGc() - before);
        int total = LOG_LINES + 2 * (ATTEMPTS - 1);
        if (viaClient) {
          try (Stream<LogLine> lines = client.internalConfigApi().logs(1)) {
            int[] seen = new int[1];
            lines.forEach(line -> {
              if (++seen[0] % (total / 4) == 0 && seen[0] < total) sample.run();
            });
          }
        } else {
          Floor.JobInfo info = Floor.read(http, configRoot, "jobs/get", Floor.JobInfo.class);
          int seen = 0;
          for (Floor.AttemptInfo attempt : info.attempts) {
            for (String line : attempt.logs.logLines) {
              if (++seen % (total / 4) == 0 && seen < total) sample.run();
            }
          }
        }
        System.out.printf(Locale.ROOT, "RESULT {\"heldBytes\":%d}%n", most[0]);
      }
    }
  }

  private static long usedAfterGc() {
    for (int i = 0; i < 3; i++) System.gc();
    Runtime runtime = Runtime.getRuntime();
    return runtime.totalMemory() - runtime.freeMemory();
  }

  /** Medians in microseconds of client and floor, timed in turns A, B, B, A after a warm-up of a fifth. */
  private static double[] sideBySide(LongSupplier client, LongSupplier floor, int rounds) {
    long sink = 0;
    for (int i = 0; i < rounds / 5 + 1; i++) sink += client.getAsLong() + floor.getAsLong();
    List<Double> a = new ArrayList<>();
    List<Double> b = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      boolean clientFirst = i % 2 == 0;
      for (int turn = 0; turn < 2; turn++) {
        boolean runClient = (turn == 0) == clientFirst;
        long start = System.nanoTime();
        sink += runClient ? client.getAsLong() : floor.getAsLong();
        double us = (System.nanoTime() - start) / 1e3;
        (runClient ? a : b).add(us);
      }
    }
    if (sink == 42) System.out.print("");
    return new double[] {median(a), median(b)};
  }

  private static double median(List<Double> values) {
    Collections.sort(values);
    int n = values.size();
    return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
  }

  private static MockWebServer server() throws IOException {
    String details = body(false);
    String logs = body(true);
    MockWebServer server = new MockWebServer();
    server.setServerSocketFactory(new NoDelayServerSocketFactory());
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        if (!("Bearer " + TOKEN).equals(request.getHeaders().get("Authorization"))) {
          return new MockResponse.Builder().code(401).build();
        }
        String body = path.endsWith("/jobs/get_without_logs") ? details : path.endsWith("/jobs/get") ? logs : null;
        return body == null ? new MockResponse.Builder().code(404).build()
            : new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(body).build();
      }
    });
    server.start();
    return server;
  }

  /** A failed job of 3 attempts, as the Config API answers it; with {@code logs}, 10,000 lines on the last. */
  static String body(boolean logs) {
    JsonObject root = new JsonObject();
    JsonObject job = new JsonObject();
    job.addProperty("id", 1);
    job.addProperty("configType", "sync");
    job.addProperty("configId", "9a5e2b1c-44d2-4a8e-8c37-0e1f2d3c4b5a");
    job.addProperty("status", "failed");
    job.addProperty("createdAt", 1765076400);
    job.addProperty("updatedAt", 1765080000);
    root.add("job", job);
    JsonArray attempts = new JsonArray();
    for (int a = 0; a < ATTEMPTS; a++) {
      JsonObject attempt = new JsonObject();
      attempt.addProperty("id", a);
      attempt.addProperty("status", "failed");
      attempt.addProperty("createdAt", 1765076400 + a * 1200);
      attempt.addProperty("updatedAt", 1765077500 + a * 1200);
      attempt.addProperty("endedAt", 1765077500 + a * 1200);
      attempt.addProperty("bytesSynced", 1_000_000L * a);
      attempt.addProperty("recordsSynced", 10_000L * a);
      JsonObject failure = new JsonObject();
      failure.addProperty("failureOrigin", "source");
      failure.addProperty("failureType", "config_error");
      failure.addProperty("externalMessage", "Access denied for user 'airbyte' to database 'app'.");
      failure.addProperty("internalMessage", "java.sql.SQLException: Access denied for user 'airbyte'@'10.0.0.5'");
      failure.addProperty("stacktrace", "java.sql.SQLException: Access denied\n"
          + "\tat com.mysql.cj.jdbc.exceptions.SQLError.createSQLException(SQLError.java:130)\n".repeat(20));
      failure.addProperty("retryable", false);
      failure.addProperty("timestamp", 1765077500000L + a * 1_200_000L);
      JsonArray failures = new JsonArray();
      failures.add(failure);
      JsonObject summary = new JsonObject();
      summary.add("failures", failures);
      summary.addProperty("partialSuccess", false);
      attempt.add("failureSummary", summary);
      JsonObject info = new JsonObject();
      info.add("attempt", attempt);
      if (logs) {
        info.addProperty("logType", "formatted");
        JsonArray lines = new JsonArray();
        if (a == ATTEMPTS - 1) {
          for (int i = 0; i < LOG_LINES; i++) {
            lines.add(String.format(Locale.ROOT, "2026-12-07 03:%02d:%02d source > INFO i.a.i.s.j.AbstractJdbcSource"
                + "(queryTable):%d Read %d records of stream public.orders", (i / 60) % 60, i % 60, 300 + i % 7, i));
          }
        } else {
          lines.add("2026-12-07 03:00:00 platform > Starting attempt " + a);
          lines.add("2026-12-07 03:20:00 platform > Attempt " + a + " failed");
        }
        JsonObject logObject = new JsonObject();
        logObject.add("logLines", lines);
        info.add("logs", logObject);
      }
      attempts.add(info);
    }
    root.add("attempts", attempts);
    return root.toString();
  }

  static String webhookBody() {
    return "{\"text\":\"Your connection orders from Postgres to BigQuery failed.\",\"blocks\":[{\"type\":\"section\","
        + "\"text\":{\"type\":\"mrkdwn\",\"text\":\"Your connection failed\"}}],\"data\":{"
        + "\"workspace\":{\"id\":\"b1f5a2c0-1111-4a8e-8c37-0e1f2d3c4b5a\",\"name\":\"Analytics\","
        + "\"url\":\"https://cloud.airbyte.com/workspaces/b1f5a2c0-1111-4a8e-8c37-0e1f2d3c4b5a\"},"
        + "\"connection\":{\"id\":\"9a5e2b1c-44d2-4a8e-8c37-0e1f2d3c4b5a\",\"name\":\"orders\",\"url\":\"https://x\"},"
        + "\"source\":{\"id\":\"c2e6b3d1-2222-4a8e-8c37-0e1f2d3c4b5a\",\"name\":\"Postgres\",\"url\":\"https://x\"},"
        + "\"destination\":{\"id\":\"d3f7c4e2-3333-4a8e-8c37-0e1f2d3c4b5a\",\"name\":\"BigQuery\","
        + "\"url\":\"https://x\"},"
        + "\"jobId\":9988,\"startedAt\":\"2026-12-07T03:00:00Z\",\"finishedAt\":\"2026-12-07T04:00:00Z\","
        + "\"bytesEmitted\":1000,\"bytesCommitted\":90,\"recordsEmitted\":89,\"recordsCommitted\":45,"
        + "\"recordsFilteredOut\":0,\"bytesFilteredOut\":0,\"errorMessage\":\"Access denied for user 'airbyte'\","
        + "\"errorType\":\"config_error\",\"errorOrigin\":\"source\",\"bytesEmittedFormatted\":\"1000 B\","
        + "\"bytesCommittedFormatted\":\"90 B\",\"success\":false,\"durationInSeconds\":3600,"
        + "\"durationFormatted\":\"1 hours 0 min\"}}";
  }

  /** The floor: one OkHttpClient, a plain Gson, hand-written classes of the fields the client reads. */
  static final class Floor {
    static final class JobInfo {
      Job job;
      List<AttemptInfo> attempts;
    }

    static final class Job {
      long id;
      String configType;
      String configId;
      String status;
      long createdAt;
      long updatedAt;
    }

    static final class AttemptInfo {
      Attempt attempt;
      String logType;
      Logs logs;
    }

    static final class Attempt {
      long id;
      String status;
      long createdAt;
      Long endedAt;
      long bytesSynced;
      long recordsSynced;
      FailureSummary failureSummary;
    }

    static final class FailureSummary {
      List<Failure> failures;
      Boolean partialSuccess;
    }

    static final class Failure {
      String failureOrigin;
      String failureType;
      String externalMessage;
      String internalMessage;
      String stacktrace;
      Boolean retryable;
      long timestamp;
    }

    static final class Logs {
      List<String> logLines;
    }

    static final class Ref {
      String id;
      String name;
      String url;
    }

    static final class Webhook {
      String text;
      Data data;
    }

    static final class Data {
      Ref workspace;
      Ref connection;
      Ref source;
      Ref destination;
      long jobId;
      String startedAt;
      String finishedAt;
      Long bytesEmitted;
      Long bytesCommitted;
      Long recordsEmitted;
      Long recordsCommitted;
      Long recordsFilteredOut;
      Long bytesFilteredOut;
      Boolean success;
      String errorMessage;
      String errorType;
      String errorOrigin;
    }

    static JobInfo details(OkHttpClient http, String root) {
      return read(http, root, "jobs/get_without_logs", JobInfo.class);
    }

    /** Every line's length, summed: the same work the client's side does with the lines. */
    static long logs(OkHttpClient http, String root) {
      long chars = 0;
      for (AttemptInfo attempt : read(http, root, "jobs/get", JobInfo.class).attempts) {
        for (String line : attempt.logs.logLines) chars += line.length();
      }
      return chars;
    }

    static <T> T read(OkHttpClient http, String root, String operation, Class<T> type) {
      Request request = new Request.Builder().url(root + "/" + operation).header("Authorization", "Bearer " + TOKEN)
          .post(RequestBody.create("{\"id\":1}", JSON)).build();
      try (Response response = http.newCall(request).execute();
          Reader reader = response.body().charStream()) {
        if (!response.isSuccessful()) throw new IOException("HTTP " + response.code());
        return GSON.fromJson(reader, type);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static JsonObject child(Path log, String... command) throws IOException, InterruptedException {
    Suite.Child child = Suite.Child.run(log, null, command);
    return child.exitCode == 0 ? child.result : null;
  }
}
