package io.github.airbytejava.specdiff;

import io.github.airbytejava.specdiff.ChangeRules.Finding;
import io.github.airbytejava.specdiff.ChangeRules.OperationChanges;
import io.github.airbytejava.specdiff.SpecLoader.SpecReadException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The findings that are the project's own corrections of Airbyte's spec (listed in the spec's
 * {@code info.description}), checked in so that a comparison with Airbyte's file prints only what is new. One line
 * per finding, {@code METHOD PATH | where | what}; {@code #} starts a comment.
 */
final class Baseline {
  private final Path file;
  private final Set<String> known;

  private Baseline(Path file, Set<String> known) {
    this.file = file;
    this.known = known;
  }

  /**
   * {@code spec-diff/baselines/<candidate file name>.txt} beside the checked-in spec, or null when {@code base} is not
   * the checked-in spec of a checkout.
   */
  static Path defaultFile(String base, String candidate) {
    Path spec = Path.of(base).toAbsolutePath().normalize();
    if (!spec.endsWith(SpecDiff.CHECKED_IN_SPEC)) {
      return null;
    }
    Path root = spec;
    for (int i = Path.of(SpecDiff.CHECKED_IN_SPEC).getNameCount(); i > 0; i--) {
      root = root.getParent();
    }
    return root.resolve(SpecDiff.BASELINES).resolve(fileName(candidate) + ".txt");
  }

  /** The last segment of a path or URL, without a query: {@code api.yaml}. */
  static String fileName(String location) {
    String name = location.replaceFirst("[?#].*$", "");
    name = name.substring(name.lastIndexOf('/') + 1);
    return name.isEmpty() ? "candidate" : name;
  }

  static String key(OperationChanges op, Finding finding) {
    return op.method() + " " + op.path() + " | " + finding.where() + " | " + finding.what();
  }

  static Baseline read(Path file) throws SpecReadException {
    try {
      Set<String> known = new LinkedHashSet<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (!line.isBlank() && !line.startsWith("#")) {
          known.add(line.strip());
        }
      }
      return new Baseline(file, known);
    } catch (IOException e) {
      throw new SpecReadException("cannot read the baseline " + file + ": " + SpecLoader.oneLine(e));
    }
  }

  /** The findings not in the baseline; notes say how many were set aside and how many known ones were not seen. */
  List<OperationChanges> setAside(List<OperationChanges> ops, List<String> notes) {
    Set<String> unseen = new LinkedHashSet<>(known);
    List<OperationChanges> out = new ArrayList<>();
    int setAside = 0;
    for (OperationChanges op : ops) {
      List<Finding> fresh = new ArrayList<>();
      for (Finding f : op.findings()) {
        String key = key(op, f);
        if (known.contains(key)) {
          unseen.remove(key);
          setAside++;
        } else {
          fresh.add(f);
        }
      }
      if (!fresh.isEmpty()) {
        out.add(new OperationChanges(op.method(), op.path(), op.operationId(), op.status(), fresh));
      }
    }
    notes.add("baseline: " + setAside + " known correction" + (setAside == 1 ? "" : "s") + " set aside (" + file
        + "; --no-baseline lists them)");
    if (!unseen.isEmpty()) {
      // Airbyte adopted a correction, or the spec changed: the baseline is stale there.
      notes.add("baseline: " + unseen.size() + " known correction" + (unseen.size() == 1 ? " is" : "s are")
          + " no longer seen, e.g. " + unseen.iterator().next() + "; rewrite it with --write-baseline");
    }
    return out;
  }

  static int write(Path file, String base, String candidate, List<OperationChanges> ops) throws SpecReadException {
    List<String> lines = new ArrayList<>();
    lines.add("# Findings of spec-diff between the checked-in spec and " + fileName(candidate) + " that are the");
    lines.add("# project's own corrections (see the spec's info.description): spec-diff sets them aside, so that it");
    lines.add("# prints only what is new. Written by ./spec-diff.sh --write-baseline; one finding a line,");
    lines.add("# METHOD PATH | where | what.");
    int findings = 0;
    for (OperationChanges op : ops) {
      for (Finding f : op.findings()) {
        lines.add(key(op, f));
        findings++;
      }
    }
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Files.write(file, lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SpecReadException("cannot write the baseline " + file + ": " + SpecLoader.oneLine(e));
    }
    return findings;
  }
}
