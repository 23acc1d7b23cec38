package io.github.airbytejava.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code airbyte completion bash|zsh}: a completion script generated from the commands and options. */
@Command(name = "completion", mixinStandardHelpOptions = true,
    description = "Print a shell completion script: commands and options complete.",
    footer = {"", "Examples:", "  source <(airbyte completion bash)          # in ~/.bashrc",
        "  source <(airbyte completion zsh)           # in ~/.zshrc"})
final class CompletionCommand implements Callable<Integer> {
  @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
  String shell;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    String script = AutoComplete.bash("airbyte", spec.parent().commandLine());
    switch (shell) {
      case "bash" -> spec.commandLine().getOut().print(script);
      case "zsh" -> spec.commandLine().getOut().print("autoload -U +X compinit && compinit\n"
          + "autoload -U +X bashcompinit && bashcompinit\n" + script);
      default -> throw CliException.usage("completion: bash or zsh, not " + shell);
    }
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
