package io.github.airbytejava.testkit;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of Airbyte's internal Config API a client reads about a job: {@code jobs/get} (with logs),
 * {@code jobs/get_without_logs} and {@code attempt/get_for_job}, each a {@code POST} with a JSON body under
 * {@value #ROOT} on the fake's host, with the public API's tokens. Not part of the public spec: these are not
 * {@link Routes} of it, the conformance check does not see them, and stubs do not apply (faults do, by their full
 * path). Failure summaries and logs come from what the test set, else from a default per attempt.
 */
final class ConfigApi implements ResourceGroup {
  /** Where the Config API lives: a self-managed install's {@code /api/public/v1} has it at {@code /api/v1}. */
  static final String ROOT = "/api/v1";

  private final Jobs jobs;
  private final Map<Long, FakeFailure> failures = new HashMap<>();
  private final Map<Long, List<String>> logLines = new HashMap<>();

  ConfigApi(Jobs jobs) {
    this.jobs = jobs;
  }

  @Override
  public void routes(Routes routes) {
    // Not the public API's: served by handle(), apart from its routes.
  }

  @Override
  public void reset() {
    failures.clear();
    logLines.clear();
  }

  void setFailure(long jobId, FakeFailure failure) {
    failures.put(jobId, failure);
  }

  void setLogLines(long jobId, List<String> lines) {
    logLines.put(jobId, List.copyOf(lines));
  }

  /** The failure the job's failed attempts report, as a webhook would tell it; null when none failed. */
  FakeFailure failureOf(JobFacts job, int attempt) {
    FakeFailure set = failures.get(job.id());
    if (job.status().equals("cancelled") && attempt == job.attempts().size() - 1) {
      return FakeFailure.of("airbyte_platform", "manual_cancellation", "The sync was cancelled.");
    }
    return set != null ? set : FakeFailure.defaultFor(attempt + 1);
  }

  /** Answers a request under {@link #ROOT}; {@code path} is the part after it, e.g. {@code /jobs/get}. */
  Reply handle(String method, String path, Call call) {
    if (!method.equals("POST")) {
      return error(405, "The Config API takes POST only, not " + method + ".");
    }
    switch (path) {
      case "/jobs/get":
        return jobInfo(call, true);
      case "/jobs/get_without_logs":
        return jobInfo(call, false);
      case "/attempt/get_for_job":
        return attempt(call);
      default:
        return error(404, "No Config API operation at " + ROOT + path + " in the fake Airbyte.");
    }
  }

  private Reply jobInfo(Call call, boolean withLogs) {
    long id = longField(call.json(), "id");
    JobFacts job = jobs.facts(id);
    if (job == null) {
      return notFound(id);
    }
    JsonObject body = new JsonObject();
    body.add("job", jobJson(job));
    JsonArray attempts = new JsonArray();
    for (JobFacts.Attempt attempt : job.attempts()) {
      attempts.add(attemptInfo(job, attempt, withLogs));
    }
    body.add("attempts", attempts);
    return Reply.ok(body);
  }

  private Reply attempt(Call call) {
    JsonObject request = call.json();
    long id = longField(request, "jobId");
    long number = longField(request, "attemptNumber");
    JobFacts job = jobs.facts(id);
    if (job == null) {
      return notFound(id);
    }
    if (number < 0 || number >= job.attempts().size()) {
      return error(404, "Could not find attempt " + number + " of job " + id + ".");
    }
    JsonObject body = new JsonObject();
    body.add("attempt", attemptJson(job, job.attempts().get((int) number), false));
    return Reply.ok(body);
  }

  private static JsonObject jobJson(JobFacts job) {
    JsonObject json = new JsonObject();
    json.addProperty("id", job.id());
    json.addProperty("configType", job.jobType().equals("reset") ? "reset_connection" : job.jobType());
    json.addProperty("configId", job.connectionId());
    json.addProperty("createdAt", job.createdAt().getEpochSecond());
    json.addProperty("updatedAt", job.updatedAt().getEpochSecond());
    json.addProperty("startedAt", job.createdAt().getEpochSecond());
    json.addProperty("status", job.status());
    JsonObject stats = new JsonObject();
    stats.addProperty("recordsEmitted", job.rows());
    stats.addProperty("bytesEmitted", job.bytes());
    stats.addProperty("recordsCommitted", job.rows());
    stats.addProperty("bytesCommitted", job.bytes());
    json.add("aggregatedStats", stats);
    return json;
  }

  private JsonObject attemptInfo(JobFacts job, JobFacts.Attempt attempt, boolean withLogs) {
    JsonObject info = new JsonObject();
    info.add("attempt", attemptJson(job, attempt, true));
    if (withLogs) {
      info.addProperty("logType", "formatted");
      JsonObject logs = new JsonObject();
      JsonArray lines = new JsonArray();
      List<String> set = logLines.get(job.id());
      if (set != null && attempt.number() == job.attempts().size() - 1) {
        set.forEach(lines::add);
      } else {
        lines.add(attempt.startedAt() + " platform > Starting attempt " + attempt.number() + " of job " + job.id());
        if (attempt.endedAt() != null) {
          lines.add(attempt.endedAt() + " platform > Attempt " + attempt.number() + " ended: " + attempt.status());
        }
      }
      logs.add("logLines", lines);
      info.add("logs", logs);
    }
    return info;
  }

  private JsonObject attemptJson(JobFacts job, JobFacts.Attempt attempt, boolean withStackTrace) {
    JsonObject json = new JsonObject();
    json.addProperty("id", attempt.number());
    json.addProperty("status", attempt.status());
    json.addProperty("createdAt", attempt.startedAt().getEpochSecond());
    Instant updated = attempt.endedAt() != null ? attempt.endedAt() : job.updatedAt();
    json.addProperty("updatedAt", updated.getEpochSecond());
    if (attempt.endedAt() != null) {
      json.addProperty("endedAt", attempt.endedAt().getEpochSecond());
    }
    json.addProperty("bytesSynced", attempt.bytes());
    json.addProperty("recordsSynced", attempt.rows());
    JsonObject stats = new JsonObject();
    stats.addProperty("recordsEmitted", attempt.rows());
    stats.addProperty("bytesEmitted", attempt.bytes());
    stats.addProperty("recordsCommitted", attempt.rows());
    stats.addProperty("bytesCommitted", attempt.bytes());
    json.add("totalStats", stats);
    json.add("streamStats", new JsonArray());
    if (attempt.status().equals("failed")) {
      FakeFailure failure = failureOf(job, attempt.number());
      JsonObject reason = new JsonObject();
      reason.addProperty("failureOrigin", failure.origin());
      reason.addProperty("failureType", failure.type());
      reason.addProperty("externalMessage", failure.externalMessage());
      if (failure.internalMessage() != null) {
        reason.addProperty("internalMessage", failure.internalMessage());
      }
      if (withStackTrace && failure.stackTrace() != null) {
        reason.addProperty("stacktrace", failure.stackTrace());
      }
      if (failure.isRetryable() != null) {
        reason.addProperty("retryable", failure.isRetryable());
      }
      reason.addProperty("timestamp", attempt.endedAt().toEpochMilli());
      JsonArray reasons = new JsonArray();
      reasons.add(reason);
      JsonObject summary = new JsonObject();
      summary.add("failures", reasons);
      summary.addProperty("partialSuccess", attempt.rows() > 0);
      json.add("failureSummary", summary);
    }
    return json;
  }

  private static long longField(JsonObject body, String key) {
    if (!body.has(key) || !body.get(key).isJsonPrimitive() || !body.get(key).getAsJsonPrimitive().isNumber()) {
      throw new Json.BadRequest("'" + key + "' must be an integer.");
    }
    return body.get(key).getAsLong();
  }

  private static Reply notFound(long jobId) {
    return error(404, "Could not find configuration for JOB: " + jobId + ".");
  }

  /** An error as the Config API writes one: a {@code KnownException}'s JSON, not the public API's problem. */
  private static Reply error(int status, String message) {
    JsonObject body = new JsonObject();
    body.addProperty("message", message);
    body.addProperty("exceptionClassName", "io.airbyte.commons.server.errors."
        + (status == 404 ? "IdNotFoundKnownException" : "KnownException"));
    return Reply.json(status, body);
  }
}
