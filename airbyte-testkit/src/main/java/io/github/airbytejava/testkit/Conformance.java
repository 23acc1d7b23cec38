package io.github.airbytejava.testkit;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.HttpUrl;

/**
 * Checks requests and responses against the project's OpenAPI description with Atlassian's
 * swagger-request-validator, and returns what does not match as readable lines.
 *
 * <p>One rule is the fake's own: an error status that the spec does not declare for an operation (it declares no 401
 * anywhere, and no 409 on createJob, although the server sends both) is accepted when its body is a problem object,
 * which is what the spec's description says every error is; that body is then checked by hand.
 */
final class Conformance {

  /** Where the spec lives in this repository, and in the airbyte-api-spec jar. */
  static final String REPO_SPEC = "api-spec/src/main/openapi/airbyte-api.yaml";
  static final String SPEC_RESOURCE = "io/github/airbytejava/spec/airbyte-api.yaml";

  /** Parsing the spec takes most of a second: fakes in one JVM share validators, keyed by the spec's digest. */
  private static final Map<String, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();

  private final OpenApiInteractionValidator validator;
  private final String source;

  private Conformance(OpenApiInteractionValidator validator, String source) {
    this.validator = validator;
    this.source = source;
  }

  /** Loads the spec from {@code spec}, else from this repository's checkout, else from the classpath. */
  static Conformance load(Path spec) {
    String text;
    String source;
    if (spec != null) {
      text = read(spec);
      source = spec.toString();
    } else {
      Path inRepo = findInRepository();
      if (inRepo != null) {
        text = read(inRepo);
        source = inRepo.toString();
      } else {
        text = readResource();
        source = "classpath:" + SPEC_RESOURCE;
      }
    }
    OpenApiInteractionValidator validator = VALIDATORS.computeIfAbsent(sha256(text),
        digest -> OpenApiInteractionValidator.createForInlineApiSpecification(text)
            // The spec's servers end in /v1 (Cloud) or /api/public/v1 (self-managed): requests are checked as /v1/...
            .withBasePathOverride("/v1")
            .build());
    return new Conformance(validator, source);
  }

  String source() {
    return source;
  }

  /** Mismatches of one request; {@code apiPath} is the path after the fake's base path. */
  List<String> checkRequest(ReceivedRequest request, HttpUrl url, String apiPath) {
    SimpleRequest.Builder builder = new SimpleRequest.Builder(request.method(), "/v1" + apiPath);
    request.headers().forEach((name, values) -> builder.withHeader(name, values));
    for (String name : url.queryParameterNames()) {
      builder.withQueryParam(name, url.queryParameterValues(name));
    }
    if (!request.body().isEmpty()) {
      builder.withBody(request.body());
    }
    ValidationReport report;
    synchronized (validator) {
      report = validator.validateRequest(builder.build());
    }
    List<String> out = new ArrayList<>();
    for (ValidationReport.Message m : report.getMessages()) {
      if (m.getLevel() == ValidationReport.Level.ERROR) {
        out.add("request " + request.target() + ": " + m.getKey() + ": " + withNested(m));
      }
    }
    return out;
  }

  /**
   * A message and the ones under it: a property that describes its {@code $ref} with {@code allOf} fails as "failed
   * to match all required schemas", and the reason (an enum value, a missing field) is a nested message.
   */
  private static String withNested(ValidationReport.Message message) {
    StringBuilder text = new StringBuilder(message.getMessage());
    for (ValidationReport.Message nested : message.getNestedMessages()) text.append("; ").append(withNested(nested));
    return text.toString();
  }

  /** Whether the spec has an operation for this request at all (if not, its answer is not checked). */
  static boolean knownOperation(List<String> requestMismatches) {
    for (String m : requestMismatches) {
      if (m.contains("validation.request.path.missing") || m.contains("validation.request.operation.notAllowed")) {
        return false;
      }
    }
    return true;
  }

  /** Mismatches of one response of the fake. */
  List<String> checkResponse(ReceivedRequest request, String apiPath, Reply reply) {
    SimpleResponse.Builder builder = SimpleResponse.Builder.status(reply.status());
    if (reply.contentType() != null) {
      builder.withContentType(reply.contentType());
    }
    reply.headers().forEach(builder::withHeader);
    if (!reply.body().isEmpty()) {
      builder.withBody(reply.body());
    }
    ValidationReport report;
    synchronized (validator) {
      report = validator.validateResponse("/v1" + apiPath, Request.Method.valueOf(request.method()), builder.build());
    }
    List<String> out = new ArrayList<>();
    String prefix = "response " + reply.status() + " to " + request.target() + ": ";
    for (ValidationReport.Message m : report.getMessages()) {
      if (m.getLevel() != ValidationReport.Level.ERROR) {
        continue;
      }
      if (m.getKey().equals("validation.response.status.unknown") && reply.status() >= 400) {
        checkProblem(reply).forEach(problem -> out.add(prefix + problem));
      } else {
        out.add(prefix + m.getKey() + ": " + withNested(m));
      }
    }
    return out;
  }

  /** The problem object the spec's description promises for every error. */
  private static List<String> checkProblem(Reply reply) {
    List<String> out = new ArrayList<>();
    String contentType = reply.contentType() == null ? "" : reply.contentType().toLowerCase(Locale.ROOT);
    if (!contentType.startsWith(Reply.JSON)) {
      out.add("problem.contentType: errors are sent as application/json, not '" + reply.contentType() + "'");
      return out;
    }
    JsonElement body;
    try {
      body = JsonParser.parseString(reply.body());
    } catch (RuntimeException e) {
      out.add("problem.body: not JSON: " + e.getMessage());
      return out;
    }
    if (!body.isJsonObject()) {
      out.add("problem.body: not a JSON object");
      return out;
    }
    JsonObject problem = body.getAsJsonObject();
    JsonElement status = problem.get("status");
    if (status == null || !status.isJsonPrimitive() || !status.getAsJsonPrimitive().isNumber()
        || status.getAsInt() != reply.status()) {
      out.add("problem.status: must be the HTTP status " + reply.status() + ", was " + status);
    }
    for (String field : List.of("type", "title", "detail")) {
      JsonElement value = problem.get(field);
      if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
        out.add("problem." + field + ": a string is required, was " + value);
      }
    }
    JsonElement documentationUrl = problem.get("documentationUrl");
    if (documentationUrl != null && !(documentationUrl.isJsonPrimitive()
        && documentationUrl.getAsJsonPrimitive().isString())) {
      out.add("problem.documentationUrl: must be a string, was " + documentationUrl);
    }
    JsonElement data = problem.get("data");
    if (data != null && !data.isJsonObject()) {
      out.add("problem.data: must be an object, was " + data);
    }
    return out;
  }

  /** The text of the spec checked against when none is given: this checkout's, else the classpath's. */
  static String defaultSpecText() {
    Path inRepo = findInRepository();
    return inRepo != null ? read(inRepo) : readResource();
  }

  /** The spec in the checkout that contains the working directory, if the tests run inside this repository. */
  private static Path findInRepository() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(REPO_SPEC);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  private static String read(Path path) {
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the spec at " + path, e);
    }
  }

  private static String readResource() {
    try (InputStream in = Conformance.class.getClassLoader().getResourceAsStream(SPEC_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("No spec to check against: " + SPEC_RESOURCE
            + " is not on the classpath (it comes with io.github.airbytejava:airbyte-api-spec); "
            + "give one with FakeAirbyte.builder().spec(path), or turn the check off with conformance(false)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + SPEC_RESOURCE, e);
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
