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

  /** The known corrections of the checked-in spec, one file per candidate file name, relative to the root. */
  static final String BASELINES = "spec-diff/baselines";

  private static final String USAGE = "usage: ./spec-diff.sh [--base FILE|URL] [--accept-breaking] [--baseline FILE | "
      + "--no-baseline | --write-baseline] (CANDIDATE | --config-api CONFIG_YAML)";

  private static final String HELP = USAGE + """


      Compares the checked-in OpenAPI spec (%s) with CANDIDATE, a file path or an http(s) URL
      of an OpenAPI 3.0 or 3.1 document, and prints what changed, operation by operation and field by field.
      Each change is marked BREAKING (callers of the generated client must change) or ok.

        --base FILE|URL     compare with this spec instead of the checked-in one
        --config-api FILE|URL
                            the candidate is Airbyte's Config API document (config.yaml), from which the server
                            builds its public API: its operations under /public/v1 are compared (also found
                            without this option when a candidate has such paths)
        --baseline FILE     set aside the findings listed in FILE (the project's known corrections); by default
                            %s/<candidate file name>.txt when comparing the checked-in spec
        --no-baseline       list every finding, the known corrections too
        --write-baseline    write the findings to the baseline file instead of reporting them (after bringing a
                            change in, or adding a correction)
        --accept-breaking   exit 0 even when something breaks (the breaks are intended)
        -h, --help          print this help

      Exit codes: 0 nothing breaks (or --accept-breaking), 1 something breaks, 2 usage or read error.
      Descriptions, summaries, examples and vendor (x-) extensions are not compared.
      """.formatted(CHECKED_IN_SPEC, BASELINES);

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
    boolean configApi = false;
    String baseline = null;
    boolean noBaseline = false;
    boolean writeBaseline = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "-h", "--help" -> {
          out.print(HELP);
          return OK;
        }
        case "--accept-breaking" -> acceptBreaking = true;
        case "--no-baseline" -> noBaseline = true;
        case "--write-baseline" -> writeBaseline = true;
        case "--baseline", "--config-api" -> {
          if (i + 1 >= args.length || args[i + 1].isBlank()) {
            return usage(err, arg + " needs a file path" + (arg.equals("--config-api") ? " or URL" : ""));
          }
          if (arg.equals("--baseline")) {
            baseline = args[++i];
          } else if (candidate != null) {
            return usage(err, "more than one candidate spec: " + candidate + ", " + args[i + 1]);
          } else {
            configApi = true;
            candidate = args[++i];
          }
        }
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
    if (noBaseline && (baseline != null || writeBaseline)) {
      return usage(err, "--no-baseline goes with neither --baseline nor --write-baseline");
    }
    try {
      boolean checkedInBase = base == null;
      if (base == null) {
        base = defaultBase();
      }
      Path baselineFile = null;
      if (baseline != null) {
        baselineFile = Path.of(baseline);
      } else if (!noBaseline && checkedInBase) {
        baselineFile = Baseline.defaultFile(base, candidate);
      }
      if (writeBaseline && baselineFile == null) {
        return usage(err, "--write-baseline needs --baseline FILE when --base is given");
      }
      LoadedSpec oldSpec = SpecLoader.load("base", base);
      LoadedSpec newSpec = SpecLoader.load("candidate", candidate, configApi);
      ChangedOpenApi diff;
      try {
        diff = OpenApiCompare.fromSpecifications(oldSpec.api(), newSpec.api());
      } catch (RuntimeException e) {
        throw new SpecReadException("cannot compare the specs: " + SpecLoader.oneLine(e));
      }
      List<OperationChanges> changes = ChangeRules.classify(diff);
      if (writeBaseline) {
        int lines = Baseline.write(baselineFile, base, candidate, changes);
        out.println("Wrote " + lines + " known finding" + (lines == 1 ? "" : "s") + " to " + baselineFile + ".");
        return OK;
      }
      List<String> notes = new ArrayList<>();
      if (baselineFile != null && (baseline != null || Files.isRegularFile(baselineFile))) {
        Baseline known = Baseline.read(baselineFile);
        changes = known.setAside(changes, notes);
      }
      return report(out, oldSpec, newSpec, changes, acceptBreaking, notes);
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
      boolean acceptBreaking, List<String> baselineNotes) {
    out.println("base:      " + oldSpec.location() + " (OpenAPI " + oldSpec.openapiVersion() + ")");
    out.println("candidate: " + newSpec.location() + " (OpenAPI " + newSpec.openapiVersion() + ")");
    List<String> notes = new ArrayList<>(oldSpec.notes());
    notes.addAll(newSpec.notes());
    notes.addAll(baselineNotes);
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
      out.println(baselineNotes.isEmpty() ? "No changes to operations, parameters, request bodies or responses."
          : "Nothing but the known corrections.");
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
