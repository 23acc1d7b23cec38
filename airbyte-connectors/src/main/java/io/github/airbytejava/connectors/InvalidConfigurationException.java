package io.github.airbytejava.connectors;

import java.util.List;
import java.util.Optional;

/**
 * A configuration does not fit its connector's schema; thrown before anything is sent. The message lists every
 * problem, one per line, each with its JSON path, and never a value.
 */
public final class InvalidConfigurationException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final transient Connector connector;
  private final List<ConfigurationProblem> problems;

  InvalidConfigurationException(String subject, Connector connector, List<ConfigurationProblem> problems) {
    super(message(subject, problems));
    this.connector = connector;
    this.problems = List.copyOf(problems);
  }

  private static String message(String subject, List<ConfigurationProblem> problems) {
    StringBuilder message = new StringBuilder("Invalid configuration for the ").append(subject)
        .append(" (").append(problems.size())
        .append(problems.size() == 1 ? " problem):" : " problems):");
    problems.forEach(p -> message.append("\n  ").append(p));
    return message.toString();
  }

  /** The connector whose schema the configuration was checked against; empty for one this module does not know. */
  public Optional<Connector> connector() {
    return Optional.ofNullable(connector);
  }

  /** Every problem found: missing required fields first, then the others in the configuration's order. */
  public List<ConfigurationProblem> problems() {
    return problems;
  }
}
