package io.github.airbytejava.cli;

import io.github.airbytejava.provisioning.ApplyResult;
import io.github.airbytejava.provisioning.Plan;
import io.github.airbytejava.provisioning.Provisioner;
import io.github.airbytejava.provisioning.SecretResolver;
import io.github.airbytejava.provisioning.StateFiles;
import io.github.airbytejava.provisioning.WorkspaceState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code airbyte plan|apply|export}: airbyte-provisioning from the command line, Terraform's way. */
final class ProvisioningCommands {
  private ProvisioningCommands() {}

  static Provisioner provisioner(Session session) {
    return Provisioner.builder(session.client()).secrets(SecretResolver.of(session.env)).build();
  }

  static List<WorkspaceState> read(String path) {
    Path p = Path.of(path);
    if (!Files.exists(p)) throw CliException.usage(path + ": no such file or directory");
    try {
      return StateFiles.read(p);
    } catch (UncheckedIOException e) {
      throw CliException.usage(path + ": cannot read: " + e.getCause().getMessage());
    }
  }

  @Command(name = "plan", mixinStandardHelpOptions = true,
      description = "Show what apply would change to make the workspaces match PATH (a YAML/JSON file or a folder).",
      footer = {"", "Examples:", "  airbyte plan airbyte/", "  airbyte plan airbyte/ --detailed-exitcode   # 0 no"
          + " changes, 2 changes, 1 error"})
  static final class PlanCommand implements Callable<Integer> {
    private final Session session;

    @Parameters(paramLabel = "PATH")
    String path;

    @Option(names = "--detailed-exitcode", description = "Exit 2 when there are changes, 0 when none (Terraform's"
        + " convention).")
    boolean detailedExitCode;

    @Option(names = "--changed-secret", paramLabel = "NAME", description = "A $${NAME} secret that has a new value"
        + " (secrets cannot be compared: the server masks them).")
    Set<String> changedSecrets = new HashSet<>();

    PlanCommand(Session session) {
      this.session = session;
    }

    @Override
    public Integer call() {
      List<WorkspaceState> states = read(path);
      Plan plan = provisioner(session).plan(states, changedSecrets);
      session.out.print(plan.render());
      session.out.flush();
      return detailedExitCode && plan.hasChanges() ? ExitCodes.CHANGES : ExitCodes.OK;
    }
  }

  @Command(name = "apply", mixinStandardHelpOptions = true,
      description = "Show the plan, ask for yes (on a terminal; --auto-approve elsewhere), apply it, say what was"
          + " done. Safe to run twice: the second run changes nothing.",
      footer = {"", "Examples:", "  airbyte apply airbyte/", "  airbyte apply airbyte/ --auto-approve   # CI"})
  static final class ApplyCommand implements Callable<Integer> {
    private final Session session;

    @Parameters(paramLabel = "PATH")
    String path;

    @Option(names = "--auto-approve", description = "Apply without asking (needed when not on a terminal).")
    boolean autoApprove;

    @Option(names = "--changed-secret", paramLabel = "NAME", description = "A $${NAME} secret that has a new value.")
    Set<String> changedSecrets = new HashSet<>();

    ApplyCommand(Session session) {
      this.session = session;
    }

    @Override
    public Integer call() {
      List<WorkspaceState> states = read(path);
      if (!autoApprove && !session.terminal) {
        throw CliException.usage("apply needs --auto-approve when not on a terminal");
      }
      Provisioner provisioner = provisioner(session);
      Plan plan = provisioner.plan(states, changedSecrets);
      session.out.print(plan.render());
      session.out.flush();
      if (!plan.hasChanges()) {
        session.info("No changes: nothing to apply.");
        return ExitCodes.OK;
      }
      if (!autoApprove) {
        String answer = Terminal.readLine(session, "Apply these changes? Only 'yes' is accepted: ");
        if (!"yes".equals(answer == null ? null : answer.strip())) {
          session.info("Apply cancelled.");
          return ExitCodes.ERROR;
        }
      }
      ApplyResult result = provisioner.apply(plan);
      session.out.println(result.summary());
      session.out.flush();
      return result.succeeded() ? ExitCodes.OK : ExitCodes.ERROR;
    }
  }

  @Command(name = "export", mixinStandardHelpOptions = true,
      description = "Write a workspace as a state file (DIR/NAME.yaml) that plans with no change; secrets as $${NAME}"
          + " references, never values.",
      footer = {"", "Example:", "  airbyte export analytics airbyte/ && airbyte plan airbyte/"})
  static final class ExportCommand implements Callable<Integer> {
    private final Session session;

    @Parameters(index = "0", paramLabel = "WORKSPACE", description = "The workspace's name or id.")
    String workspace;

    @Parameters(index = "1", paramLabel = "DIR")
    String dir;

    ExportCommand(Session session) {
      this.session = session;
    }

    @Override
    public Integer call() {
      UUID id = session.api().resolve(Resource.named("workspaces"), workspace, java.util.Map.of());
      WorkspaceState state = provisioner(session).export(id);
      Path folder = Path.of(dir);
      try {
        Files.createDirectories(folder);
      } catch (IOException e) {
        throw CliException.usage(dir + ": cannot create the directory: " + e.getMessage());
      }
      String name = state.workspaceName() == null ? id.toString() : state.workspaceName();
      Path file = folder.resolve(name.replaceAll("[^A-Za-z0-9._-]+", "-") + ".yaml");
      StateFiles.write(state, file);
      session.info("Wrote " + file + " (" + state.sources().size() + " sources, " + state.destinations().size()
          + " destinations, " + state.connections().size() + " connections).");
      return ExitCodes.OK;
    }
  }
}
