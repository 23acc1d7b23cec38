package io.github.airbytejava.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import io.github.airbytejava.JobStart;
import io.github.airbytejava.SyncOptions;
import io.github.airbytejava.SyncOutcome;
import io.github.airbytejava.SyncTimeoutException;
import io.github.airbytejava.configapi.DetailsUnavailableException;
import io.github.airbytejava.configapi.InternalConfigApi;
import io.github.airbytejava.configapi.LogLine;
import io.github.airbytejava.generated.invoker.JSON;
import io.github.airbytejava.generated.model.JobResponse;
import io.github.airbytejava.generated.model.JobStatusEnum;
import io.github.airbytejava.generated.model.JobTypeEnum;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code airbyte sync} and {@code airbyte jobs list|get|cancel|wait|logs}. */
final class SyncCommands {
  private SyncCommands() {}

  static CommandLine jobs(Session session) {
    CommandLine jobs = ResourceCommands.group("jobs", "Jobs: list, show, cancel, wait for, logs.",
        "airbyte jobs list --connection orders", "airbyte jobs wait 1234 --timeout 2h");
    ResourceCommands.sub(jobs, "list", new JobsList(session), "List jobs, newest first (all pages).",
        "airbyte jobs list --connection orders --status failed");
    ResourceCommands.sub(jobs, "get", new JobsGet(session), "Show one job.", "airbyte jobs get 1234");
    ResourceCommands.sub(jobs, "cancel", new JobsCancel(session), "Cancel a job.", "airbyte jobs cancel 1234");
    ResourceCommands.sub(jobs, "wait", new JobsWait(session), "Wait until a job ends; exit 6 if it failed or was"
        + " cancelled, 7 on --timeout.", "airbyte jobs wait 1234 --timeout 30m");
    ResourceCommands.sub(jobs, "logs", new JobsLogs(session), "A job's log, every attempt's, masked: only Airbyte's"
        + " internal Config API has logs, so this needs --internal-config-api.",
        "airbyte jobs logs 1234 --internal-config-api");
    return jobs;
  }

  static JsonElement json(JobResponse job) {
    return JSON.getGson().toJsonTree(job);
  }

  /** One progress line: status, rows, bytes, elapsed. */
  static String progress(JobResponse job, Instant since) {
    return String.format(Locale.ROOT, "job %d %s: %,d rows, %s, %s elapsed", job.getJobId(), status(job),
        job.getRowsSynced() == null ? 0 : job.getRowsSynced(), bytes(job.getBytesSynced() == null ? 0
        : job.getBytesSynced()), Durations.show(Duration.between(since, Instant.now())));
  }

  static String status(JobResponse job) {
    Object raw = job.getAdditionalProperty("status");
    return job.getStatus() == null ? "unknown" : job.getStatus() == JobStatusEnum.UNKNOWN_DEFAULT_OPEN_API
        && raw != null ? raw.toString() : job.getStatus().getValue();
  }

  private static String bytes(long n) {
    if (n < 1024) return n + " B";
    if (n < 1024 * 1024) return String.format(Locale.ROOT, "%.1f KiB", n / 1024.0);
    if (n < 1024L * 1024 * 1024) return String.format(Locale.ROOT, "%.1f MiB", n / 1048576.0);
    return String.format(Locale.ROOT, "%.1f GiB", n / 1073741824.0);
  }

  /** Waits for the job, progress on stderr; the exit code says how it ended. */
  static int await(Session session, long jobId, String timeout, boolean cancelOnTimeout) {
    Instant since = Instant.now();
    SyncOptions.Builder options = SyncOptions.builder().cancelOnTimeout(cancelOnTimeout)
        .onProgress(job -> session.info(progress(job, since)));
    if (timeout != null) options.timeout(Durations.parse(timeout, "--timeout"));
    SyncOutcome outcome;
    try {
      outcome = session.client().syncs().awaitOutcome(jobId, options.build());
    } catch (SyncTimeoutException e) {
      session.info("job " + jobId + " still " + (e.getLastJob() == null ? "running" : status(e.getLastJob()))
          + " after --timeout " + timeout + (e.isCancelled() ? "; cancelled it" : "; it goes on (see"
          + " --cancel-on-timeout)"));
      if (e.getLastJob() != null) session.output().print(json(e.getLastJob()), Resource.JOBS);
      return ExitCodes.TIMEOUT;
    }
    JobResponse job = outcome.job();
    session.output().print(json(job), Resource.JOBS);
    if (outcome.succeeded()) {
      if (outcome.zeroCountSuccess()) {
        session.info("job " + jobId + " succeeded with 0 rows and 0 bytes: Airbyte reports a sync it failed to"
            + " launch so; check the connection");
      }
      return ExitCodes.OK;
    }
    session.info("job " + jobId + " ended " + status(job) + ": " + reason(outcome));
    return ExitCodes.SYNC_FAILED;
  }

  /** Why a job did not succeed: the internal Config API's reason when it is on and answers, else why not. */
  static String reason(SyncOutcome outcome) {
    if (outcome.failure().isPresent()) return outcome.failure().get().summary();
    if (outcome.details().isPresent()) return "Airbyte gives no failure reason";
    return "no reason from the public API" + outcome.detailsUnavailable().map(why -> " (" + why + ")").orElse("")
        + "; --internal-config-api asks Airbyte's internal Config API why";
  }

  @Command(name = "sync", mixinStandardHelpOptions = true,
      description = "Start a sync of a connection, or join the one running (never a second); --wait follows it.",
      footer = {"", "Examples:", "  airbyte sync orders --wait", "  airbyte sync 3f0c... --wait --timeout 2h"
          + " --cancel-on-timeout", "  airbyte sync orders --type reset"})
  static final class Sync implements Callable<Integer> {
    private final Session session;

    @Parameters(paramLabel = "CONNECTION", description = "The connection's name (in the workspace) or id.")
    String connection;

    @Option(names = "--wait", description = "Wait until the job ends, progress on stderr; exit 6 if it failed.")
    boolean await;

    @Option(names = "--timeout", paramLabel = "DURATION", description = "Stop waiting after this (90s, 10m, 2h);"
        + " exit 7.")
    String timeout;

    @Option(names = "--cancel-on-timeout", description = "Cancel the job when --timeout passes.")
    boolean cancelOnTimeout;

    @Option(names = "--type", paramLabel = "sync|reset", description = "The job type (default: sync).")
    String type = "sync";

    Sync(Session session) {
      this.session = session;
    }

    @Override
    public Integer call() {
      JobTypeEnum jobType;
      switch (type) {
        case "sync" -> jobType = JobTypeEnum.SYNC;
        case "reset" -> jobType = JobTypeEnum.RESET;
        default -> throw CliException.usage("--type must be sync or reset: " + type);
      }
      if (timeout != null) Durations.parse(timeout, "--timeout"); // refused before anything is sent
      if (timeout != null && !await) throw CliException.usage("--timeout needs --wait");
      UUID id = session.api().resolve(Resource.named("connections"), connection, null);
      JobStart start = session.client().syncs().start(id, jobType);
      session.info((start.started() ? "Started " : "Joined running ") + type + " job " + start.jobId()
          + " of connection " + connection + ".");
      if (!await) {
        session.output().print(json(start.job()), Resource.JOBS);
        return ExitCodes.OK;
      }
      return await(session, start.jobId(), timeout, cancelOnTimeout);
    }
  }

  abstract static class JobCommand implements Callable<Integer> {
    final Session session;

    @Parameters(paramLabel = "JOB", description = "The job's id (a number).")
    String job;

    JobCommand(Session session) {
      this.session = session;
    }

    static long jobId(String text) {
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException e) {
        throw CliException.usage("a job id is a number: " + text);
      }
    }
  }

  @Command(mixinStandardHelpOptions = true)
  static final class JobsList implements Callable<Integer> {
    private final Session session;

    @Option(names = "--connection", paramLabel = "NAME|ID", description = "Only this connection's jobs.")
    String connection;

    @Option(names = "--status", paramLabel = "STATUS", description = "pending, running, incomplete, failed,"
        + " succeeded, cancelled.")
    String status;

    @Option(names = "--type", paramLabel = "TYPE", description = "sync, reset, refresh or clear.")
    String type;

    JobsList(Session session) {
      this.session = session;
    }

    @Override
    public Integer call() {
      Map<String, String> query = connection != null ? new java.util.LinkedHashMap<>()
          : session.api().scopeQuery(Resource.JOBS);
      if (connection != null) {
        query.put("connectionId", session.api().resolve(Resource.named("connections"), connection, null).toString());
      }
      if (status != null) query.put("status", status);
      if (type != null) query.put("jobType", type);
      query.put("orderBy", "createdAt|DESC");
      JsonArray jobs = new JsonArray();
      session.api().list(Resource.JOBS, query).forEach(jobs::add);
      session.output().print(jobs, Resource.JOBS);
      return ExitCodes.OK;
    }
  }

  @Command(mixinStandardHelpOptions = true)
  static final class JobsGet extends JobCommand {
    JobsGet(Session session) {
      super(session);
    }

    @Override
    public Integer call() {
      session.output().print(session.api().call("GET", "/jobs/" + jobId(job), null), Resource.JOBS);
      return ExitCodes.OK;
    }
  }

  @Command(mixinStandardHelpOptions = true)
  static final class JobsCancel extends JobCommand {
    JobsCancel(Session session) {
      super(session);
    }

    @Override
    public Integer call() {
      JsonElement cancelled = session.api().call("DELETE", "/jobs/" + jobId(job), null);
      session.info("Cancelled job " + job + ".");
      session.output().print(cancelled, Resource.JOBS);
      return ExitCodes.OK;
    }
  }

  @Command(mixinStandardHelpOptions = true)
  static final class JobsWait extends JobCommand {
    @Option(names = "--timeout", paramLabel = "DURATION", description = "Stop waiting after this; exit 7.")
    String timeout;

    @Option(names = "--cancel-on-timeout", description = "Cancel the job when --timeout passes.")
    boolean cancelOnTimeout;

    JobsWait(Session session) {
      super(session);
    }

    @Override
    public Integer call() {
      return await(session, jobId(job), timeout, cancelOnTimeout);
    }
  }

  @Command(mixinStandardHelpOptions = true)
  static final class JobsLogs extends JobCommand {
    JobsLogs(Session session) {
      super(session);
    }

    @Override
    public Integer call() {
      long id = jobId(job);
      InternalConfigApi configApi = session.client().internalConfigApi();
      if (!configApi.enabled()) {
        throw CliException.usage("jobs logs needs --internal-config-api[=URL]: the public API has no logs, only"
            + " Airbyte's internal, unversioned Config API has");
      }
      try (Stream<LogLine> lines = configApi.logs(id)) {
        lines.forEach(line -> session.out.println(line));
      } catch (DetailsUnavailableException e) {
        throw new CliException(e.reason() == DetailsUnavailableException.Reason.NOT_FOUND ? ExitCodes.NOT_FOUND
            : ExitCodes.ERROR, "job " + id + ": no logs: " + Api.oneLine(e.getMessage()), e);
      }
      session.out.flush();
      return ExitCodes.OK;
    }
  }
}
