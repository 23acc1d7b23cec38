package io.github.airbytejava.specdiff;

import static io.github.airbytejava.specdiff.SpecDiffTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.airbytejava.specdiff.SpecDiffTest.Result;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verdicts about what callers of the generated client must change, on small inline specs; the comparison with
 * Airbyte's own files (their Config API document too) on the reference copies, when they are there.
 */
class SpecDiffVerdictsTest {
  /** Airbyte's files, beside the checkout (see README, "Updating the API"); absent on a bare checkout. */
  private static final Path REFERENCE = Path.of("").toAbsolutePath().getParent().getParent()
      .resolve("shared/reference/airbyte-api");

  @TempDir
  Path dir;

  /** One operation, {@code POST /items}, whose request and response are {@code Item}. */
  private static final String SPEC = """
      openapi: 3.0.3
      info: {title: Items, version: 1.0.0}
      paths:
        /items:
          post:
            operationId: createItem
            tags: [Items]
            requestBody:
              required: true
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/Item'}
            responses:
              'STATUS':
                description: Created.
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/RESPONSE'}
      components:
        schemas:
          Item:
            type: object
            properties:
              selectedFields:
                type: array
                ARRAY_FORMAT
                items: {type: string}
              email: {type: string EMAIL_FORMAT}
              id: {type: string, format: ID_FORMAT}
              method:
                oneOf:
                - {title: Basic, type: object, properties: {user: {type: string}}}
                - {title: Token, type: object, properties: {token: {type: string}}}
                VARIANT
          Other:
            type: object
            properties:
              name: {type: string}
      """;

  private String spec(String name, Map<String, String> changes) {
    String text = SPEC;
    Map<String, String> defaults = Map.of("STATUS", "201", "RESPONSE", "Item", "ARRAY_FORMAT", "",
        "EMAIL_FORMAT", "", "ID_FORMAT", "uuid", "VARIANT", "");
    for (Map.Entry<String, String> e : defaults.entrySet()) {
      text = text.replace(e.getKey(), changes.getOrDefault(e.getKey(), e.getValue()));
    }
    return write(name, text);
  }

  private String write(String name, String text) {
    try {
      return Files.writeString(dir.resolve(name), text).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<String> findings(Result r) {
    return r.out().lines().filter(l -> l.startsWith("  ")).toList();
  }

  @Test
  void aFormatOnAnArrayChangesNoGeneratedTypeAndIsNamed() {
    Result r = run("--base", spec("base.yaml", Map.of()),
        spec("set.yaml", Map.of("ARRAY_FORMAT", "format: set", "EMAIL_FORMAT", ", format: email")));
    assertEquals(SpecDiff.OK, r.code(), r.out());
    assertEquals(List.of(
        "  ok        request body .email: format changed: string -> string(email) (the generated type is unchanged)",
        "  ok        request body .selectedFields: format changed: array of string -> array(set) of string (the "
            + "generated type is unchanged)",
        "  ok        response 201 .email: format changed: string -> string(email) (the generated type is unchanged)",
        "  ok        response 201 .selectedFields: format changed: array of string -> array(set) of string (the "
            + "generated type is unchanged)"), findings(r).stream().sorted().toList());
  }

  @Test
  void aFormatThatChangesTheJavaTypeBreaks() {
    Result r = run("--base", spec("base.yaml", Map.of()), spec("upper.yaml", Map.of("ID_FORMAT", "UUID")));
    assertEquals(SpecDiff.BREAKING, r.code(), r.out());
    assertTrue(findings(r).contains("  BREAKING  request body .id: type changed: string(uuid) -> string(UUID)"),
        r.out());
  }

  @Test
  void aSuccessStatusChangedWithTheSameBodyIsOkAndWithAnotherBodyBreaks() {
    String base = spec("base.yaml", Map.of());
    Result same = run("--base", base, spec("200.yaml", Map.of("STATUS", "200")));
    assertEquals(SpecDiff.OK, same.code(), same.out());
    assertEquals(List.of("  ok        response 201: success status changed: 201 -> 200, same body (application/json "
        + "Item); no generated method depends on the status"), findings(same));

    Result other = run("--base", base, spec("other.yaml", Map.of("STATUS", "200", "RESPONSE", "Other")));
    assertEquals(SpecDiff.BREAKING, other.code(), other.out());
    assertTrue(findings(other).contains("  BREAKING  response 201: removed"), other.out());
  }

  @Test
  void oneOfVariantsAreNamedByTheirTitles() {
    Result r = run("--base", spec("base.yaml", Map.of()), spec("variant.yaml", Map.of("VARIANT",
        "- {title: OAuth, type: object, properties: {client_id: {type: string}}}")));
    assertTrue(r.out().contains("new oneOf variant \"OAuth\""), r.out());
  }

  @Test
  void theConfigApiDocumentIsComparedByItsPublicOperations() {
    String base = spec("base.yaml", Map.of());
    String config = write("config.yaml", SPEC.replace("  /items:", "  /public/v1/items:")
        .replace("paths:\n", "paths:\n  /v1/connections/list:\n    post:\n      operationId: listConnections\n"
            + "      responses:\n        '200': {description: Internal.}\n")
        .replace("STATUS", "201").replace("RESPONSE", "Item").replace("ARRAY_FORMAT", "")
        .replace("EMAIL_FORMAT", "").replace("ID_FORMAT", "uuid").replace("VARIANT", ""));
    for (String[] args : List.of(new String[] {"--base", base, "--config-api", config},
        new String[] {"--base", base, config})) {
      Result r = run(args);
      assertEquals(SpecDiff.OK, r.code(), r.out());
      assertTrue(r.out().contains("note: candidate: a Config API document: its 1 public operations (paths under "
          + "/public/v1, compared without that prefix); its other 1 paths are left out"), r.out());
      assertTrue(r.operations().isEmpty(), r.out());
    }
    Result notConfig = run("--base", base, "--config-api", base);
    assertEquals(SpecDiff.ERROR, notConfig.code());
    assertTrue(notConfig.err().contains("has no paths under /public/v1"), notConfig.err());
  }

  @Test
  void aBaselineSetsTheKnownFindingsAsideAndPrintsOnlyWhatIsNew() {
    String base = spec("base.yaml", Map.of());
    String known = spec("known.yaml", Map.of("ID_FORMAT", "UUID"));
    String baseline = dir.resolve("known.txt").toString();
    assertEquals(SpecDiff.OK, run("--base", base, "--baseline", baseline, "--write-baseline", known).code());

    Result again = run("--base", base, "--baseline", baseline, known);
    assertEquals(SpecDiff.OK, again.code(), again.out());
    assertTrue(again.out().contains("Nothing but the known corrections."), again.out());
    assertTrue(again.out().contains("note: baseline: 2 known corrections set aside"), again.out());

    Result changed = run("--base", base, "--baseline", baseline,
        spec("newer.yaml", Map.of("ID_FORMAT", "UUID", "VARIANT", "- {title: OAuth, type: object}")));
    assertEquals(List.of("  ok        request body .method: new oneOf variant \"OAuth\" (one-of-2)",
        "  ok        response 201 .method: new oneOf variant \"OAuth\" (one-of-2)"), findings(changed));
  }

  @Test
  void onTheCheckedInSpecAnArrayGainingFormatSetAndA201ThatWasA200AreOk() throws Exception {
    // As between two of Airbyte's versions: SelectedFields gained format: set; addGroupMember answered 200, now 201.
    String current = Files.readString(Path.of(SpecDiff.defaultBase()));
    String older = current.replace("      type: array\n      format: set\n      items:\n        $ref: "
        + "'#/components/schemas/SelectedFieldInfo'", "      type: array\n      items:\n        $ref: "
        + "'#/components/schemas/SelectedFieldInfo'")
        .replace("      responses:\n        '201':\n          description: The new membership.",
            "      responses:\n        '200':\n          description: The new membership.");
    assertTrue(!older.equals(current) && older.length() == current.length() - "      format: set\n".length());
    Result r = run("--base", write("older.yaml", older), SpecDiff.defaultBase());
    assertEquals(SpecDiff.OK, r.code(), r.out());
    List<String> lines = findings(r);
    assertTrue(lines.contains("  ok        response 200: success status changed: 200 -> 201, same body "
        + "(application/json GroupMemberResponse); no generated method depends on the status"), r.out());
    assertTrue(lines.stream().anyMatch(l -> l.matches("  ok        .*selectedFields: format changed: array of "
        + "SelectedFieldInfo -> array\\(set\\) of SelectedFieldInfo \\(the generated type is unchanged\\)")), r.out());
    assertTrue(lines.stream().allMatch(l -> l.startsWith("  ok ")), r.out());
  }

  @Test
  void airbytesFilesShowOnlyWhatIsNewAgainstTheCheckedInSpec() throws Exception {
    assumeTrue(Files.isDirectory(REFERENCE), "Airbyte's files are not beside this checkout: " + REFERENCE);
    for (String file : List.of("api.yaml", "config.yaml")) {
      Result r = run(REFERENCE.resolve(file).toString());
      assertEquals(SpecDiff.OK, r.code(), r.out());
      assertTrue(r.operations().isEmpty(), r.out());
      assertTrue(r.out().contains("Nothing but the known corrections."), r.out());
    }
    // The roles the server's config.yaml has (2026-08-04) and api.yaml not yet: seen against a spec without them.
    String withoutRoles = Files.readString(Path.of(SpecDiff.defaultBase()))
        .replace("      - workspace_source_editor\n      - workspace_destination_editor\n", "");
    Result r = run("--base", write("without-roles.yaml", withoutRoles), "--baseline",
        Baseline.defaultFile(SpecDiff.defaultBase(), "config.yaml").toString(),
        "--config-api", REFERENCE.resolve("config.yaml").toString());
    assertEquals(SpecDiff.OK, r.code(), r.out());
    assertTrue(!r.operations().isEmpty() && findings(r).stream().allMatch(
        l -> l.endsWith("new enum values \"workspace_source_editor\", \"workspace_destination_editor\"")), r.out());
    assertTrue(r.operations().containsKey("POST /permissions (publicCreatePermission)"), r.out());
  }
}
