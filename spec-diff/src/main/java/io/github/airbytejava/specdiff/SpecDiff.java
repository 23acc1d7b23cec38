package io.github.airbytejava.specdiff;

import io.github.airbytejava.specdiff.ChangeRules.Finding;
import io.github.airbytejava.specdiff.ChangeRules.OperationChanges;
import io.github.airbytejava.specdiff.SpecLoader.LoadedSpec;
import io.github.airbytejava.specdiff.SpecLoader.SpecReadException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;

/**
 * {@code spec-diff [--base FILE|URL] [--accept-breaking] CANDIDATE}: compares the checked-in OpenAPI spec with a
 * candidate and prints what changed, operation by operation and field by field, marking what breaks callers of the
 * generated client.
 *
 * <p>Exit codes: 0 when nothing breaks (or the breaks are accepted with {@code --accept-breaking}), 1 when something
 * breaks, 2 on a usage error or a spec that cannot be read or parsed.
 */
public final class SpecDiff {
  public static final int OK = 0;
  public static final int BREAKING = 1;
  public static final int ERROR = 2;

  /** The checked-in spec, relative to the repository root. */
  static final String CHECKED_IN_SPEC = "api-spec/src/main/openapi/airbyte-api.yaml";

  private static final String USAGE = "usage: ./spec-diff.sh [--base FILE|URL] [--accept-breaking] CANDIDATE";

  private static final String HELP = USAGE + """


      Compares the checked-in OpenAPI spec (%s) with CANDIDATE, a file path or an http(s) URL
      of an OpenAPI 3.0 or 3.1 document, and prints what changed, operation by operation and field by field.
      Each change is marked BREAKING (callers of the generated client must change) or ok.

        --base FILE|URL     compare with this spec instead of the checked-in one
        --accept-breaking   exit 0 even when something breaks (the breaks are intended)
        -h, --help          print this help

      Exit codes: 0 nothing breaks (or --accept-breaking), 1 something breaks, 2 usage or read error.
      Descriptions, summaries, examples and vendor (x-) extensions are not compared.
      """.formatted(CHECKED_IN_SPEC);

  private SpecDiff() {}

  public static void main(String[] args) {
    int code = run(args, System.out, System.err);
    System.out.flush();
    System.exit(code);
  }

  /** Runs the command; returns the exit code instead of exiting, so tests can call it in-process. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    String base = null;
    String candidate = null;
    boolean acceptBreaking = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "-h", "--help" -> {
          out.print(HELP);
          return OK;
        }
        case "--accept-breaking" -> acceptBreaking = true;
        case "--base" -> {
          if (i + 1 >= args.length || args[i + 1].isBlank()) {
            return usage(err, "--base needs a file path or URL");
          }
          base = args[++i];
        }
        default -> {
          if (arg.startsWith("--base=")) {
            base = arg.substring("--base=".length());
          } else if (arg.startsWith("-") && arg.length() > 1) {
            return usage(err, "unknown option " + arg);
          } else if (candidate != null) {
            return usage(err, "more than one candidate spec: " + candidate + ", " + arg);
          } else if (arg.isBlank()) {
            return usage(err, "empty candidate spec");
          } else {
            candidate = arg;
          }
        }
      }
    }
    if (candidate == null) {
      return usage(err, "missing CANDIDATE (a file path or an http(s) URL)");
    }
    try {
      if (base == null) {
        base = defaultBase();
      }
      LoadedSpec oldSpec = SpecLoader.load("base", base);
      LoadedSpec newSpec = SpecLoader.load("candidate", candidate);
      ChangedOpenApi diff;
      try {
        diff = OpenApiCompare.fromSpecifications(oldSpec.api(), newSpec.api());
      } catch (RuntimeException e) {
        throw new SpecReadException("cannot compare the specs: " + SpecLoader.oneLine(e));
      }
      List<OperationChanges> changes = ChangeRules.classify(diff);
      return report(out, oldSpec, newSpec, changes, acceptBreaking);
    } catch (SpecReadException e) {
      err.println("spec-diff: " + e.getMessage());
      return ERROR;
    } catch (RuntimeException | StackOverflowError e) {
      err.println("spec-diff: unexpected failure: " + SpecLoader.oneLine(e));
      return ERROR;
    }
  }

  private static int usage(PrintStream err, String problem) {
    err.println("spec-diff: " + problem + " (" + USAGE + ")");
    return ERROR;
  }

  /**
   * The checked-in spec: the {@code airbyte.spec} system property (spec-diff.sh sets it), else the first
   * {@value #CHECKED_IN_SPEC} found from the working directory upwards.
   */
  static String defaultBase() throws SpecReadException {
    String property = System.getProperty("airbyte.spec");
    if (property != null && !property.isBlank()) {
      return property;
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path spec = dir.resolve(CHECKED_IN_SPEC);
      if (Files.isRegularFile(spec)) {
        return spec.toString();
      }
    }
    throw new SpecReadException("cannot find the checked-in spec " + CHECKED_IN_SPEC
        + " from " + Path.of("").toAbsolutePath() + "; pass --base FILE|URL");
  }

  private static int report(PrintStream out, LoadedSpec oldSpec, LoadedSpec newSpec, List<OperationChanges> ops,
      boolean acceptBreaking) {
    out.println("base:      " + oldSpec.location() + " (OpenAPI " + oldSpec.openapiVersion() + ")");
    out.println("candidate: " + newSpec.location() + " (OpenAPI " + newSpec.openapiVersion() + ")");
    List<String> notes = new ArrayList<>(oldSpec.notes());
    notes.addAll(newSpec.notes());
    for (String note : notes) {
      out.println("note: " + note);
    }
    out.println();

    int added = 0;
    int removed = 0;
    int changed = 0;
    long breaking = 0;
    long compatible = 0;
    for (OperationChanges op : ops) {
      switch (op.status()) {
        case ADDED -> added++;
        case REMOVED -> removed++;
        case CHANGED -> changed++;
      }
      out.println(op.title());
      for (Finding f : op.findings()) {
        out.println("  " + (f.breaking() ? "BREAKING" : "ok      ") + "  " + f.where() + ": " + f.what());
        if (f.breaking()) {
          breaking++;
        } else {
          compatible++;
        }
      }
    }
    if (ops.isEmpty()) {
      out.println("No changes to operations, parameters, request bodies or responses.");
    } else {
      out.println();
    }
    out.println("Summary: " + added + " operation" + (added == 1 ? "" : "s") + " added, " + removed + " removed, "
        + changed + " changed; " + breaking + " breaking change" + (breaking == 1 ? "" : "s") + ", " + compatible
        + " non-breaking.");
    if (breaking == 0) {
      out.println("Result: nothing breaks callers of the generated client (exit 0).");
      return OK;
    }
    if (acceptBreaking) {
      out.println("Result: BREAKING, accepted with --accept-breaking (exit 0). Note the breaks in CHANGELOG.md.");
      return OK;
    }
    out.println("Result: BREAKING (exit 1). Pass --accept-breaking once the breaks are intended.");
    return BREAKING;
  }
}
