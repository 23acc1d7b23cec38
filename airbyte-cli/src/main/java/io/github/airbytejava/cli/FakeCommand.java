package io.github.airbytejava.cli;

import io.github.airbytejava.testkit.FakeAirbyte;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code airbyte fake}: the testkit's fake Airbyte in the foreground, to try the CLI (or any client) without an account. */
@Command(name = "fake", mixinStandardHelpOptions = true,
    description = {"Start a fake Airbyte (in memory, on 127.0.0.1) in the foreground and print the environment that"
        + " points the CLI at it. Ctrl-C stops it; its data is gone then."},
    footer = {"", "Example (two shells):", "  airbyte fake", "  export AIRBYTE_API_URL=http://127.0.0.1:8000/v1"
        + " AIRBYTE_CLIENT_ID=fake-client-id AIRBYTE_CLIENT_SECRET=fake-client-secret; airbyte sources list"})
final class FakeCommand implements Callable<Integer> {
  private final Session session;

  @Option(names = "--port", paramLabel = "N", description = "Port on 127.0.0.1 (default 8000; 0 for any free one).")
  int port = 8000;

  @Option(names = "--fake-client-id", paramLabel = "ID", description = "The client id it accepts (default"
      + " fake-client-id).")
  String clientId = "fake-client-id";

  @Option(names = "--fake-client-secret", paramLabel = "SECRET", description = "The secret it accepts (default"
      + " fake-client-secret).")
  String clientSecret = "fake-client-secret";

  @Option(names = "--job-duration", paramLabel = "DURATION", description = "How long its syncs run (default 3s).")
  String jobDuration = "3s";

  @Option(names = "--token-lifetime", paramLabel = "DURATION", description = "How long its tokens live (default"
      + " 15m).")
  String tokenLifetime = "15m";

  FakeCommand(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() throws InterruptedException {
    FakeAirbyte fake;
    try {
      fake = FakeAirbyte.builder().port(port).clientId(clientId).clientSecret(clientSecret)
          .jobDuration(Durations.parse(jobDuration, "--job-duration"))
          .tokenLifetime(Durations.parse(tokenLifetime, "--token-lifetime")).start();
    } catch (RuntimeException e) {
      throw new CliException(ExitCodes.ERROR, "cannot start the fake on port " + port + ": " + Api.oneLine(
          e.getCause() != null ? e.getCause().getMessage() : e.getMessage()) + " (try --port 0)", e);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      fake.close();
      stopped.countDown();
    }, "airbyte-fake-stop"));
    session.info("Fake Airbyte listening at " + fake.baseUrl() + " (workspace " + fake.defaultWorkspaceId()
        + "). Ctrl-C stops it. Point the CLI at it (these are the fake's own credentials):");
    session.out.println("export AIRBYTE_API_URL=" + fake.baseUrl());
    session.out.println("export AIRBYTE_CLIENT_ID=" + fake.clientId());
    session.out.println("export AIRBYTE_CLIENT_SECRET=" + fake.clientSecret());
    session.out.flush();
    stopped.await();
    return ExitCodes.OK;
  }
}
