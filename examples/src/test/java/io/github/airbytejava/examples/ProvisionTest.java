package io.github.airbytejava.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.airbytejava.testkit.FakeAirbyte;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvisionTest {

  @Test
  void appliesTheBundledStateThenAppliesAgainWithNoChange() {
    try (FakeAirbyte fake = FakeAirbyte.start()) {
      Map<String, String> env = Map.of("AIRBYTE_API_URL", fake.baseUrl(), "AIRBYTE_CLIENT_ID", fake.clientId(),
          "AIRBYTE_CLIENT_SECRET", fake.clientSecret());
      ExampleRun run = ExampleRun.of((e, out, err) -> Provision.run(List.of(), e, out, err), env);

      assertEquals(0, run.exitCode(), run.err());
      assertEquals("", run.err());
      assertEquals("", run.stray());
      List<String> lines = run.outLines();
      assertTrue(lines.contains("  + source \"Example sample data\" will be created"), run.out());
      assertTrue(lines.contains("Plan: 3 to create, 0 to update, 0 to delete, 0 unchanged."), run.out());
      assertTrue(lines.contains("Apply complete: 3 changes made."), run.out());
      int again = lines.indexOf("Again, with the same files:");
      assertEquals(List.of("No changes. 3 resources match the desired state.", "Apply complete: 0 changes made."),
          lines.subList(again + 1, lines.size()));
      long writes = fake.requests().stream().filter(r -> !r.method().equals("GET")
          && !r.path().endsWith("/applications/token")).count();
      assertEquals(3, writes, "only the first apply writes");
      fake.assertConformant();
    }
  }

  @Test
  void badFilesAreReportedWithLinesAndNothingIsWritten(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("bad.yaml"), """
        workspace: Default Workspace
        connections:
          - name: c
            source: nowhere
            destination: nothing
            schedule: { cron: "0 6 * * *" }
        """);
    ExampleRun run = ExampleRun.of((e, out, err) -> Provision.run(List.of(dir.resolve("bad.yaml").toString()), e,
        out, err), Map.of());
    assertEquals(1, run.exitCode());
    assertEquals(3, run.errLines().size(), run.err());
    assertTrue(run.errLines().get(0).matches("error: .*bad\\.yaml:4: connection \"c\": no source named \"nowhere\".*"),
        run.err());
    assertTrue(run.err().contains("bad.yaml:6: connection \"c\": a Quartz cron expression has 6 or 7 fields"),
        run.err());
  }
}
