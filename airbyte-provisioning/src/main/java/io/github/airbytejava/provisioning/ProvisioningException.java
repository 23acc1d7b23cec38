package io.github.airbytejava.provisioning;

import io.github.airbytejava.AirbyteException;
import java.util.List;

/**
 * A desired state that cannot be planned or applied as written: every problem found, each with its file and line,
 * raised before anything is written. Never holds a secret's value.
 */
public class ProvisioningException extends AirbyteException {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  public ProvisioningException(List<Problem> problems) {
    super(message(problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem, in the order of the input. */
  public List<Problem> problems() {
    return problems;
  }

  private static String message(List<Problem> problems) {
    StringBuilder out = new StringBuilder(problems.size() == 1 ? "1 problem" : problems.size() + " problems")
        .append(" in the desired state:");
    for (Problem p : problems) out.append("\n  ").append(p);
    return out.toString();
  }
}
