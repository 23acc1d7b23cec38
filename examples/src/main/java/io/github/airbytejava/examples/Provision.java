package io.github.airbytejava.examples;

import io.github.airbytejava.provisioning.ApplyResult;
import io.github.airbytejava.provisioning.Plan;
import io.github.airbytejava.provisioning.Problem;
import io.github.airbytejava.provisioning.Provisioner;
import io.github.airbytejava.provisioning.ProvisioningException;
import io.github.airbytejava.provisioning.StateFiles;
import io.github.airbytejava.provisioning.WorkspaceState;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Provisioning as code: read a workspace's desired state from a file, print the plan, apply it, then plan and
 * apply again, which changes nothing.
 *
 * <pre>
 * ./mvnw -q -B -pl examples exec:java@provision                                   # the bundled workspace.yaml
 * ./mvnw -q -B -pl examples exec:java@provision -Dexec.args=path/to/airbyte/      # your files (a file or a folder)
 * </pre>
 */
public final class Provision {
  private Provision() {}

  public static void main(String[] args) {
    System.exit(run(List.of(args), System.getenv(), System.out, System.err));
  }

  /** Runs the example on the files named in {@code args} (none: the bundled one); returns the exit code. */
  static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
    return Examples.run(env, out, err, client -> {
      List<WorkspaceState> states;
      Plan plan;
      // ${NAME} secrets come from the environment.
      Provisioner provisioner = Provisioner.builder(client).secrets(env::get).build();
      try {
        states = args.isEmpty() ? List.of(StateFiles.parse(bundled(), "workspace.yaml"))
            : StateFiles.read(Path.of(args.get(0)));
        plan = provisioner.plan(states);
      } catch (ProvisioningException e) {
        // Every problem at once, with file and line; nothing was written.
        for (Problem problem : e.problems()) err.println("error: " + problem);
        return Examples.FAILED;
      }
      out.print(plan.render());
      ApplyResult result = provisioner.apply(plan);
      out.println(result.summary());
      if (!result.succeeded()) return Examples.FAILED;

      out.println();
      out.println("Again, with the same files:");
      Plan again = provisioner.plan(states);
      out.print(again.render());
      out.println(provisioner.apply(again).summary());
      return Examples.OK;
    });
  }

  private static String bundled() {
    try (InputStream in = Provision.class.getResourceAsStream("/provisioning/workspace.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
