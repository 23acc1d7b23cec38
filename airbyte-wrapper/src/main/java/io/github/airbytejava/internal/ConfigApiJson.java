package io.github.airbytejava.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.github.airbytejava.configapi.AttemptStatus;
import io.github.airbytejava.configapi.FailureOrigin;
import io.github.airbytejava.configapi.FailureType;
import io.github.airbytejava.configapi.JobAttempt;
import io.github.airbytejava.configapi.JobDetails;
import io.github.airbytejava.configapi.JobFailure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Maps the Config API's {@code JobInfoRead} and {@code AttemptRead} to this client's values. Tolerant of missing and
 * unknown fields (the API is unversioned); strict only where nothing can be said without it: a job without
 * {@code job}. Times are epoch seconds, a failure's timestamp epoch milliseconds. Every text is masked and capped.
 */
final class ConfigApiJson {
  static final int MESSAGE_LIMIT = 4_000;
  static final int STACK_TRACE_LIMIT = 32_000;

  private ConfigApiJson() {}

  static JobDetails details(JsonObject body, long jobId, boolean withStackTraces) {
    JsonObject job = object(body, "job");
    if (job == null) throw new IllegalStateException("no job in the answer");
    List<JobAttempt> attempts = new ArrayList<>();
    JsonArray items = array(body, "attempts");
    if (items != null) {
      int index = 0;
      for (JsonElement item : items) {
        if (item.isJsonObject()) {
          JsonObject attempt = object(item.getAsJsonObject(), "attempt");
          if (attempt != null) attempts.add(attempt(attempt, index, withStackTraces));
        }
        index++;
      }
    }
    Long id = number(job, "id");
    return new JobDetails(id == null ? jobId : id, string(job, "configType"), uuid(string(job, "configId")),
        string(job, "status"), seconds(job, "createdAt"), seconds(job, "updatedAt"), attempts);
  }

  static JobAttempt attempt(JsonObject attempt, int index, boolean withStackTraces) {
    List<JobFailure> failures = new ArrayList<>();
    Boolean partialSuccess = null;
    JsonObject summary = object(attempt, "failureSummary");
    if (summary != null) {
      partialSuccess = bool(summary, "partialSuccess");
      JsonArray reasons = array(summary, "failures");
      if (reasons != null) {
        for (JsonElement reason : reasons) {
          if (reason.isJsonObject()) failures.add(failure(reason.getAsJsonObject(), withStackTraces));
        }
      }
    }
    Long number = number(attempt, "id");
    Long bytes = number(attempt, "bytesSynced");
    Long records = number(attempt, "recordsSynced");
    return new JobAttempt(number == null ? index : number.intValue(), AttemptStatus.of(string(attempt, "status")),
        seconds(attempt, "createdAt"), seconds(attempt, "endedAt"), bytes == null ? 0 : bytes,
        records == null ? 0 : records, failures, partialSuccess);
  }

  private static JobFailure failure(JsonObject reason, boolean withStackTraces) {
    Long timestamp = number(reason, "timestamp");
    JsonObject stream = object(reason, "streamDescriptor");
    String streamName = null;
    if (stream != null && string(stream, "name") != null) {
      String namespace = string(stream, "namespace");
      streamName = (namespace == null || namespace.isEmpty() ? "" : namespace + ".") + string(stream, "name");
    }
    return new JobFailure(FailureOrigin.of(string(reason, "failureOrigin")),
        FailureType.of(string(reason, "failureType")), masked(string(reason, "externalMessage"), MESSAGE_LIMIT),
        masked(string(reason, "internalMessage"), MESSAGE_LIMIT), bool(reason, "retryable"),
        timestamp == null ? null : Instant.ofEpochMilli(timestamp), streamName,
        withStackTraces ? masked(string(reason, "stacktrace"), STACK_TRACE_LIMIT) : null);
  }

  static String masked(String text, int limit) {
    return text == null ? null : Redactor.truncate(LogMasking.mask(text), limit);
  }

  private static JsonObject object(JsonObject parent, String key) {
    JsonElement element = parent.get(key);
    return element != null && element.isJsonObject() ? element.getAsJsonObject() : null;
  }

  private static JsonArray array(JsonObject parent, String key) {
    JsonElement element = parent.get(key);
    return element != null && element.isJsonArray() ? element.getAsJsonArray() : null;
  }

  private static String string(JsonObject parent, String key) {
    JsonElement element = parent.get(key);
    return element instanceof JsonPrimitive primitive ? primitive.getAsString() : null;
  }

  private static Long number(JsonObject parent, String key) {
    JsonElement element = parent.get(key);
    if (!(element instanceof JsonPrimitive primitive) || !primitive.isNumber()) return null;
    return primitive.getAsLong();
  }

  private static Boolean bool(JsonObject parent, String key) {
    JsonElement element = parent.get(key);
    return element instanceof JsonPrimitive primitive && primitive.isBoolean() ? primitive.getAsBoolean() : null;
  }

  private static Instant seconds(JsonObject parent, String key) {
    Long value = number(parent, key);
    return value == null ? null : Instant.ofEpochSecond(value);
  }

  private static UUID uuid(String text) {
    try {
      return text == null ? null : UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
