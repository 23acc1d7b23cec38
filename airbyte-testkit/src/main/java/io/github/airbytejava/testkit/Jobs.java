package io.github.airbytejava.testkit;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tag Jobs. A job's status is worked out from the clock whenever it is read: pending for the first tenth of
 * {@code jobDuration}, running (rows and bytes growing) for the rest, then its outcome. No thread moves jobs along.
 */
final class Jobs implements ResourceGroup {

  static final Set<String> STATUSES =
      Set.of("pending", "queued", "running", "incomplete", "failed", "succeeded", "cancelled");
  /** The statuses a job ends in; {@code incomplete} is not one: another attempt follows it. */
  private static final Set<String> TERMINAL = Set.of("failed", "succeeded", "cancelled");
  private static final Set<String> TYPES = Set.of("sync", "reset", "refresh", "clear");
  private static final long BYTES_PER_ROW = 100;

  /**
   * A job of one or more attempts, each {@code jobDuration} long. An attempt that fails while another follows leaves
   * the job {@code incomplete} for a tenth of {@code jobDuration}, as Airbyte's retries do; the job has not ended
   * then. The last attempt's outcome is the job's.
   */
  private final class Job {
    final long id;
    final String connectionId;
    final String workspaceId;
    final String jobType;
    final Instant createdAt;
    /** The outcome of each attempt: "failed" for all but the last. */
    final List<String> attempts;
    /** A sync that succeeds having moved nothing, as Airbyte reports one it failed to launch. */
    final boolean zeroCounts;
    Instant cancelledAt;

    Job(long id, Connections.Connection connection, String jobType, Instant createdAt, Plan plan) {
      this.id = id;
      this.connectionId = connection.id;
      this.workspaceId = connection.workspaceId;
      this.jobType = jobType;
      this.createdAt = createdAt;
      this.attempts = plan.attempts();
      this.zeroCounts = plan.zeroCounts();
    }

    String outcome() {
      return attempts.get(attempts.size() - 1);
    }

    Instant attemptStart(int attempt) {
      return createdAt.plus(jobDuration().plus(retryDelay()).multipliedBy(attempt));
    }

    Instant attemptEnd(int attempt) {
      return attemptStart(attempt).plus(jobDuration());
    }

    Instant endsAt() {
      return attemptEnd(attempts.size() - 1);
    }

    String status(Instant now) {
      if (cancelledAt != null && !now.isBefore(cancelledAt)) {
        return "cancelled";
      }
      if (!now.isBefore(endsAt())) {
        return outcome();
      }
      for (int i = 0; i < attempts.size(); i++) {
        if (now.isBefore(attemptStart(i))) {
          return "incomplete"; // between a failed attempt and the next
        }
        if (now.isBefore(attemptEnd(i))) {
          return i == 0 && now.isBefore(createdAt.plus(jobDuration().dividedBy(10))) ? "pending" : "running";
        }
      }
      return outcome();
    }

    /** When the job last changed, as of {@code now}. */
    Instant updatedAt(Instant now) {
      if (cancelledAt != null && !now.isBefore(cancelledAt)) {
        return cancelledAt;
      }
      return now.isBefore(endsAt()) ? now : endsAt();
    }

    /**
     * Rows grow linearly over the last nine tenths of each attempt, up to {@code jobRows} for an attempt that
     * succeeds and half of it for one that ends otherwise, so that what a caller polls never goes down; the job
     * reports the sum over its attempts.
     */
    long rows(Instant now) {
      long rows = 0;
      for (int i = 0; i < attempts.size(); i++) {
        rows += attemptRows(i, now);
      }
      return rows;
    }

    /** The rows attempt {@code i} has moved as of {@code now}. */
    long attemptRows(int i, Instant now) {
      if (jobType.equals("reset") || jobType.equals("clear") || zeroCounts) {
        return 0;
      }
      Instant at = updatedAt(now);
      if (at.isBefore(attemptStart(i))) {
        return 0;
      }
      long jobRows = context.settings().jobRows();
      long attemptRows = attempts.get(i).equals("succeeded") ? jobRows : jobRows / 2;
      if (!at.isBefore(attemptEnd(i))) {
        return attemptRows;
      }
      Duration warmUp = jobDuration().dividedBy(10);
      Duration working = jobDuration().minus(warmUp);
      Duration done = Duration.between(attemptStart(i).plus(warmUp), at);
      if (!done.isNegative() && !working.isZero()) {
        return (long) (attemptRows * ((double) done.toNanos() / working.toNanos()));
      }
      return 0;
    }

    /** What the Config API and the webhooks tell of this job as of {@code now}. */
    JobFacts facts(Instant now) {
      String status = status(now);
      List<JobFacts.Attempt> started = new ArrayList<>();
      for (int i = 0; i < attempts.size() && !now.isBefore(attemptStart(i)); i++) {
        boolean ended = !now.isBefore(attemptEnd(i)) || status.equals("cancelled");
        String attemptStatus = !ended ? "running"
            : i < attempts.size() - 1 || !attempts.get(i).equals("succeeded") ? "failed" : "succeeded";
        Instant end = !ended ? null : status.equals("cancelled") && now.isBefore(attemptEnd(i)) ? cancelledAt
            : attemptEnd(i);
        started.add(new JobFacts.Attempt(i, attemptStatus, attemptStart(i), end, attemptRows(i, now),
            attemptRows(i, now) * BYTES_PER_ROW));
      }
      long rows = rows(now);
      return new JobFacts(id, connectionId, workspaceId, jobType, status, createdAt, updatedAt(now), started, rows,
          rows * BYTES_PER_ROW);
    }

    JsonObject toJson(Instant now) {
      JsonObject json = new JsonObject();
      json.addProperty("jobId", id);
      json.addProperty("status", status(now));
      json.addProperty("jobType", jobType);
      // OffsetDateTime.toString(), as the server writes it (so whole minutes come out as "2026-01-01T00:00Z").
      json.addProperty("startTime", OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC).toString());
      json.addProperty("connectionId", connectionId);
      Instant updated = updatedAt(now);
      json.addProperty("lastUpdatedAt", OffsetDateTime.ofInstant(updated, ZoneOffset.UTC).toString());
      json.addProperty("duration", Duration.between(createdAt, updated).toString());
      long rows = rows(now);
      json.addProperty("bytesSynced", rows * BYTES_PER_ROW);
      json.addProperty("rowsSynced", rows);
      return json;
    }
  }

  private final Context context;
  private final Connections connections;
  private final Map<Long, Job> jobs = new LinkedHashMap<>();
  /** The jobs of each connection, oldest first: what the 409 check and the connectionId filter look at. */
  private final Map<String, List<Job>> byConnection = new HashMap<>();
  private final Deque<Plan> outcomes = new ArrayDeque<>();

  /** How the next job will go: its attempts' outcomes, and whether it moves nothing. */
  private record Plan(List<String> attempts, boolean zeroCounts) {
  }
  private long nextJobId = 1;

  Jobs(Context context, Connections connections) {
    this.context = context;
    this.connections = connections;
  }

  @Override
  public void routes(Routes routes) {
    routes.get("/jobs", "listJobs", this::list);
    routes.post("/jobs", "createJob", this::create);
    routes.get("/jobs/{jobId}", "getJob", this::get);
    routes.delete("/jobs/{jobId}", "cancelJob", this::cancel);
  }

  @Override
  public void reset() {
    jobs.clear();
    byConnection.clear();
    outcomes.clear();
    nextJobId = 1;
  }

  void nextJobEndsAs(String status) {
    if (!TERMINAL.contains(status)) {
      throw new IllegalArgumentException("Not a status a job ends in: " + status + " (one of " + TERMINAL + ")"
          + (status.equals("incomplete") ? "; an incomplete job is retried: use nextJobAttempts(\"failed\", ...)"
          : ""));
    }
    outcomes.add(new Plan(List.of(status), false));
  }

  void nextJobSucceedsWithZeroCounts() {
    outcomes.add(new Plan(List.of("succeeded"), true));
  }

  void nextJobAttempts(List<String> attemptOutcomes) {
    if (attemptOutcomes.isEmpty()) {
      throw new IllegalArgumentException("A job has at least one attempt");
    }
    for (int i = 0; i < attemptOutcomes.size() - 1; i++) {
      if (!attemptOutcomes.get(i).equals("failed")) {
        throw new IllegalArgumentException("Only a failed attempt is followed by another, not "
            + attemptOutcomes.get(i) + " (attempt " + (i + 1) + " of " + attemptOutcomes + ")");
      }
    }
    nextJobEndsAs(attemptOutcomes.get(attemptOutcomes.size() - 1));
    outcomes.removeLast();
    outcomes.add(new Plan(List.copyOf(attemptOutcomes), false));
  }

  /** How long a job stays {@code incomplete} between a failed attempt and the next. */
  private Duration retryDelay() {
    return jobDuration().dividedBy(10);
  }

  private Duration jobDuration() {
    return context.settings().jobDuration();
  }

  private Reply create(Call call) {
    JsonObject body = call.json();
    String connectionId = Json.requiredString(body, "connectionId");
    String jobType = Check.oneOf(Json.requiredString(body, "jobType"), TYPES, "jobType");
    Connections.Connection connection = connections.find(connectionId);
    if (connection == null) {
      return Reply.notFound("connection", connectionId);
    }
    Instant now = context.now();
    for (Job job : byConnection.getOrDefault(connection.id, List.of())) {
      if (!TERMINAL.contains(job.status(now))) {
        String message = "A sync is already running for connection " + connection.id + " (job " + job.id + ").";
        return Reply.problem(409, "try-again-later", message, Json.object("message", message));
      }
    }
    Plan plan = outcomes.isEmpty() ? new Plan(List.of("succeeded"), false) : outcomes.poll();
    Job job = new Job(nextJobId++, connection, jobType, now, plan);
    jobs.put(job.id, job);
    byConnection.computeIfAbsent(connection.id, c -> new ArrayList<>()).add(job);
    return Reply.ok(job.toJson(now));
  }

  /** The job's facts as of now, or null when there is no such job. */
  JobFacts facts(long id) {
    Job job = jobs.get(id);
    return job == null ? null : job.facts(context.now());
  }

  /** Every job's id, oldest first. */
  List<Long> ids() {
    return List.copyOf(jobs.keySet());
  }

  private Job find(String id) {
    try {
      return jobs.get(Long.parseLong(id));
    } catch (NumberFormatException e) {
      throw new Json.BadRequest("'jobId' must be an integer, not '" + id + "'.");
    }
  }

  private Reply get(Call call) {
    Job job = find(call.path("jobId"));
    return job == null ? Reply.notFound("job", call.path("jobId")) : Reply.ok(job.toJson(context.now()));
  }

  /** Cancels a job that has not ended; a job that has ended is returned as it is. */
  private Reply cancel(Call call) {
    Job job = find(call.path("jobId"));
    if (job == null) {
      return Reply.notFound("job", call.path("jobId"));
    }
    Instant now = context.now();
    if (!TERMINAL.contains(job.status(now))) {
      job.cancelledAt = now;
    }
    return Reply.ok(job.toJson(now));
  }

  private Reply list(Call call) {
    Instant now = context.now();
    String connectionId = call.uuidQuery("connectionId");
    String status = call.query("status");
    if (status != null) {
      Check.oneOf(status, STATUSES, "status");
    }
    String jobType = call.query("jobType");
    if (jobType != null) {
      Check.oneOf(jobType, TYPES, "jobType");
    }
    Set<String> workspaceIds = call.uuidsQuery("workspaceIds");
    Instant createdFrom = call.instantQuery("createdAtStart");
    Instant createdTo = call.instantQuery("createdAtEnd");
    Instant updatedFrom = call.instantQuery("updatedAtStart");
    Instant updatedTo = call.instantQuery("updatedAtEnd");
    List<Job> matching = new ArrayList<>();
    Iterable<Job> candidates =
        connectionId == null ? jobs.values() : byConnection.getOrDefault(connectionId, List.of());
    for (Job j : candidates) {
      if ((connectionId == null || j.connectionId.equals(connectionId))
          && (status == null || j.status(now).equals(status))
          && (jobType == null || j.jobType.equals(jobType))
          && (workspaceIds.isEmpty() || workspaceIds.contains(j.workspaceId))
          && (createdFrom == null || !j.createdAt.isBefore(createdFrom))
          && (createdTo == null || !j.createdAt.isAfter(createdTo))
          && (updatedFrom == null || !j.updatedAt(now).isBefore(updatedFrom))
          && (updatedTo == null || !j.updatedAt(now).isAfter(updatedTo))) {
        matching.add(j);
      }
    }
    matching.sort(order(call.query("orderBy"), now));
    return Page.of(context, call, matching, j -> j.toJson(now));
  }

  /** {@code orderBy} as {@code field|ASC} or {@code field|DESC} on createdAt or updatedAt; newest first by default. */
  private static Comparator<Job> order(String orderBy, Instant now) {
    String field = "createdAt";
    boolean descending = true;
    if (orderBy != null) {
      String[] parts = orderBy.split("\\|");
      if (parts.length != 2 || !(parts[0].equals("createdAt") || parts[0].equals("updatedAt"))
          || !(parts[1].equals("ASC") || parts[1].equals("DESC"))) {
        throw new Json.BadRequest("'orderBy' must be createdAt|ASC, createdAt|DESC, updatedAt|ASC or updatedAt|DESC.");
      }
      field = parts[0];
      descending = parts[1].equals("DESC");
    }
    Comparator<Job> byTime = field.equals("createdAt")
        ? Comparator.comparing((Job j) -> j.createdAt)
        : Comparator.comparing((Job j) -> j.updatedAt(now));
    Comparator<Job> order = byTime.thenComparingLong(j -> j.id);
    return descending ? order.reversed() : order;
  }
}
