package io.github.airbytejava.specdiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs the command in-process on the small specs in src/test/resources/specs. */
class SpecDiffTest {
  private static final String BASE = spec("base.yaml");
  private static final String CANDIDATE = spec("candidate.yaml");

  record Result(int code, String out, String err) {
    List<String> errLines() {
      return err.lines().toList();
    }

    /** The findings under each operation title, in the order printed. */
    Map<String, List<String>> operations() {
      Map<String, List<String>> ops = new LinkedHashMap<>();
      List<String> current = null;
      for (String line : out.lines().toList()) {
        if (line.startsWith("  ")) {
          current.add(line);
        } else if (line.matches("(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|TRACE) /.*")) {
          current = new ArrayList<>();
          ops.put(line, current);
        }
      }
      return ops;
    }

    List<String> findingLines() {
      return out.lines().filter(l -> l.startsWith("  ") || l.matches("[A-Z]+ /.*")).toList();
    }
  }

  private static String spec(String name) {
    try {
      return Path.of(SpecDiffTest.class.getResource("/specs/" + name).toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = SpecDiff.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void reportsEachChangeUnderItsOperationAndMarksWhatBreaks() {
    Result r = run("--base", BASE, CANDIDATE);

    assertEquals(SpecDiff.BREAKING, r.code(), r.out());
    assertEquals("", r.err());
    Map<String, List<String>> ops = r.operations();
    assertEquals(List.of("GET /pets (listPets)", "POST /pets (createPet)", "GET /pets/{petId} (getPet)",
        "DELETE /pets/{petId} (deletePet)"), List.copyOf(ops.keySet()));

    // The added operation: not breaking.
    assertEquals(List.of("  ok        operation: new operation"), ops.get("DELETE /pets/{petId} (deletePet)"));

    // Request side: a removed field (openapi-diff alone calls that compatible), a new required field, a new enum value.
    assertEquals(List.of(
        "  BREAKING  request body .nickname: field removed (string)",
        "  BREAKING  request body .ownerId: new required field (integer(int64))",
        "  ok        request body .kind: new enum value \"bird\"",
        "  BREAKING  response 201 .nickname: field removed (string)",
        "  ok        response 201 .age: new optional field (integer(int32))",
        "  ok        response 201 .kind: new enum value \"bird\"",
        "  BREAKING  response 201 .status: enum value \"pending\" removed",
        "  ok        response 201 .status: new enum value \"adopted\"",
        "  BREAKING  response 201 .tag.text: field removed (string), renamed to label?",
        "  ok        response 201 .tag.label: new optional field (string)"),
        ops.get("POST /pets (createPet)"));

    // Response side, inside an array: a removed enum value breaks (openapi-diff alone: compatible), a new one does
    // not (openapi-diff alone: incompatible; the generated enums map unknown values to UNKNOWN_DEFAULT_OPEN_API).
    List<String> list = ops.get("GET /pets (listPets)");
    assertTrue(list.contains("  BREAKING  response 200 [].status: enum value \"pending\" removed"), list.toString());
    assertTrue(list.contains("  ok        response 200 [].status: new enum value \"adopted\""), list.toString());
    assertTrue(list.contains("  BREAKING  response 200 [].nickname: field removed (string)"), list.toString());
    assertTrue(list.contains("  ok        response 200 [].age: new optional field (integer(int32))"), list.toString());
    assertEquals(7, list.size(), list.toString());
    assertEquals(7, ops.get("GET /pets/{petId} (getPet)").size());

    assertTrue(r.out().contains(
        "Summary: 1 operation added, 0 removed, 3 changed; 11 breaking changes, 14 non-breaking."), r.out());
    assertTrue(r.out().contains("Result: BREAKING (exit 1)."), r.out());
  }

  @Test
  void newParametersAndRenamesBreakTheGeneratedMethods() {
    Result r = run("--base", BASE, spec("candidate-parameters.yaml"));

    assertEquals(SpecDiff.BREAKING, r.code(), r.out());
    assertEquals(List.of(
        "  ok        parameter query offset: new optional parameter (integer(int32)), a new setter of the request"
            + " object",
        "  BREAKING  parameter query owner: new required parameter (string)",
        "  BREAKING  parameter query limit: now required (it becomes an argument of the generated method)"),
        r.operations().get("GET /pets (listPets)"));
    assertEquals(List.of(
        "  BREAKING  operationId: changed: getPet -> fetchPet (the generated method is renamed)",
        "  BREAKING  tag: first tag changed: Pets -> Animals (the generated API class is PetsApi -> AnimalsApi)"),
        r.operations().get("GET /pets/{petId} (fetchPet)"));
  }

  @Test
  void acceptBreakingReportsTheSameAndExitsZero() {
    Result plain = run("--base", BASE, CANDIDATE);
    Result accepted = run("--accept-breaking", "--base", BASE, CANDIDATE);

    assertEquals(SpecDiff.OK, accepted.code());
    assertEquals(plain.findingLines(), accepted.findingLines());
    assertTrue(accepted.out().contains("Result: BREAKING, accepted with --accept-breaking (exit 0)."), accepted.out());
  }

  @Test
  void onlyAdditionsExitZero() {
    Result r = run("--base", BASE, spec("candidate-compatible.yaml"));

    assertEquals(SpecDiff.OK, r.code(), r.out());
    assertFalse(r.out().contains("BREAKING"), r.out());
    assertEquals(List.of("  ok        operation: new operation"), r.operations().get("DELETE /pets/{petId} (deletePet)"));
    assertTrue(r.operations().get("GET /pets (listPets)")
        .contains("  ok        response 200 [].status: new enum value \"adopted\""));
    assertTrue(r.out().contains("Result: nothing breaks callers of the generated client (exit 0)."), r.out());
  }

  @Test
  void sameSpecHasNoChanges() {
    Result r = run("--base", BASE, BASE);

    assertEquals(SpecDiff.OK, r.code());
    assertTrue(r.out().contains("No changes to operations, parameters, request bodies or responses."), r.out());
    assertTrue(r.operations().isEmpty());
  }

  @Test
  void aReferenceGivenADescriptionThroughAllOfIsTheSameReference() {
    // OpenAPI 3.0 ignores the siblings of a $ref, so `allOf: [{$ref}]` is how a property describes itself.
    Result r = run("--base", BASE, spec("base-described.yaml"));

    assertEquals(SpecDiff.OK, r.code(), r.out());
    assertTrue(r.operations().isEmpty(), r.out());
  }

  @Test
  void openApi31ComparesLikeTheSame30Document() {
    Result same = run("--base", BASE, spec("base-31.yaml"));
    assertEquals(SpecDiff.OK, same.code(), same.out());
    assertTrue(same.out().contains("(OpenAPI 3.1.0)"), same.out());
    assertTrue(same.operations().isEmpty(), same.out());

    Result from30 = run("--base", BASE, CANDIDATE);
    Result from31 = run("--base", BASE, spec("candidate-31.yaml"));
    assertEquals(SpecDiff.BREAKING, from31.code());
    assertEquals(from30.findingLines(), from31.findingLines());
  }

  @Test
  void readsTheCandidateFromAnHttpUrl() throws IOException {
    byte[] body = Files.readAllBytes(Path.of(CANDIDATE));
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      boolean found = exchange.getRequestURI().getPath().equals("/airbyte/api.yaml");
      exchange.sendResponseHeaders(found ? 200 : 404, found ? body.length : -1);
      try (OutputStream os = exchange.getResponseBody()) {
        if (found) {
          os.write(body);
        }
      }
    });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort();
      Result fromUrl = run("--base", BASE, url + "/airbyte/api.yaml");
      assertEquals(SpecDiff.BREAKING, fromUrl.code(), fromUrl.err());
      assertEquals(run("--base", BASE, CANDIDATE).findingLines(), fromUrl.findingLines());

      Result missing = run("--base", BASE, url + "/nothing.yaml");
      assertEquals(SpecDiff.ERROR, missing.code());
      assertEquals(List.of("spec-diff: cannot fetch candidate spec " + url + "/nothing.yaml: HTTP 404"),
          missing.errLines());
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aDanglingRefIsNotedAndCompared() {
    Result r = run("--base", BASE, spec("dangling-ref.yaml"));

    assertEquals(SpecDiff.BREAKING, r.code(), r.err());
    assertTrue(r.out().contains(
        "note: candidate: $ref #/components/schemas/PetBody points to nothing; compared as an empty placeholder"),
        r.out());
    assertEquals(List.of("  BREAKING  response 200: type changed: object -> unresolved #/components/schemas/PetBody"),
        r.operations().get("GET /pets/{petId} (getPet)"));
    assertEquals(List.of("  BREAKING  operation: removed"), r.operations().get("POST /pets (createPet)"));
  }

  @Test
  void comparesWithTheCheckedInSpecByDefault() throws Exception {
    // Surefire runs in spec-diff/, so the default base is found one directory up, in api-spec.
    String checkedIn = SpecDiff.defaultBase();
    assertTrue(checkedIn.replace('\\', '/').endsWith(SpecDiff.CHECKED_IN_SPEC), checkedIn);

    Result r = run(checkedIn);
    assertEquals(SpecDiff.OK, r.code(), r.err());
    assertTrue(r.out().startsWith("base:      " + checkedIn + " (OpenAPI 3.0.3)"), r.out());
    assertTrue(r.operations().isEmpty(), r.out());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "--bogus", "--base", "two"})
  void usageErrorsExitTwoWithOneLine(String variant) {
    String[] args = switch (variant) {
      case "" -> new String[0];
      case "--bogus" -> new String[] {"--bogus", CANDIDATE};
      case "--base" -> new String[] {CANDIDATE, "--base"};
      default -> new String[] {BASE, CANDIDATE};
    };
    Result r = run(args);

    assertEquals(SpecDiff.ERROR, r.code());
    assertEquals("", r.out());
    assertEquals(1, r.errLines().size(), r.err());
    assertTrue(r.err().startsWith("spec-diff: "), r.err());
    assertTrue(r.err().contains("usage: ./spec-diff.sh"), r.err());
  }

  @ParameterizedTest
  @ValueSource(strings = {"no-such-file.yaml", "not-openapi.yaml", "broken.yaml", "directory"})
  void unreadableSpecsExitTwoWithOneLineAndNoStackTrace(String name) throws IOException {
    String candidate = switch (name) {
      case "no-such-file.yaml" -> Path.of(BASE).resolveSibling(name).toString();
      case "directory" -> Path.of(BASE).getParent().toString();
      default -> spec(name);
    };
    Result r = run("--base", BASE, candidate);

    assertEquals(SpecDiff.ERROR, r.code(), r.out());
    assertEquals("", r.out());
    assertEquals(1, r.errLines().size(), r.err());
    assertTrue(r.err().startsWith("spec-diff: cannot "), r.err());
    assertTrue(r.err().contains(candidate), r.err());
    assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
  }

  @Test
  void anUnreadableBaseIsAReadError() {
    Result r = run("--base", "no-such-base.yaml", CANDIDATE);

    assertEquals(SpecDiff.ERROR, r.code());
    assertEquals(List.of("spec-diff: cannot read base spec no-such-base.yaml: no such file"), r.errLines());
  }

  @Test
  void helpExitsZero() {
    Result r = run("--help");

    assertEquals(SpecDiff.OK, r.code());
    assertTrue(r.out().startsWith("usage: ./spec-diff.sh"), r.out());
    assertTrue(r.out().contains("--accept-breaking"), r.out());
  }
}
