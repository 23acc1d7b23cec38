package io.github.airbytejava.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The title, detail and problem type read from an error body, whatever sent it. Content types are not trusted:
 * Airbyte sends its problems as {@code application/json}, and proxies label their pages loosely. Shapes read:
 * <ul>
 *   <li>Airbyte's problem: {@code {"status", "type", "title", "detail", "documentationUrl", "data"}}; when
 *       {@code detail} is missing, {@code data.message} stands in;</li>
 *   <li>Micronaut's error: {@code {"message": ..., "_embedded": {"errors": [{"message": ...}]}}};</li>
 *   <li>a bare problem such as {@code {"type": "about:blank", "status": 404}}: the title is the status's phrase;</li>
 *   <li>an HTML page (a proxy's or the web app's): the text of {@code <title>}, else of {@code <h1>};</li>
 *   <li>plain text: the status's phrase as title, the text as detail;</li>
 *   <li>nothing: the status's phrase.</li>
 * </ul>
 */
public final class ErrorBody {
  /** Kept in exceptions as the raw body. */
  public static final int RAW_BODY_LIMIT = 8 * 1024;
  private static final int FIELD_LIMIT = 500;
  private static final Pattern TITLE = Pattern.compile("(?is)<title[^>]*>(.*?)</title>");
  private static final Pattern H1 = Pattern.compile("(?is)<h1[^>]*>(.*?)</h1>");
  private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
  private static final Map<Integer, String> PHRASES = Map.ofEntries(
      Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(402, "Payment Required"),
      Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"),
      Map.entry(406, "Not Acceptable"), Map.entry(408, "Request Timeout"), Map.entry(409, "Conflict"),
      Map.entry(410, "Gone"), Map.entry(413, "Payload Too Large"), Map.entry(415, "Unsupported Media Type"),
      Map.entry(422, "Unprocessable Entity"), Map.entry(429, "Too Many Requests"),
      Map.entry(500, "Internal Server Error"), Map.entry(501, "Not Implemented"), Map.entry(502, "Bad Gateway"),
      Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));

  private final String title;
  private final String detail;
  private final String problemType;

  private ErrorBody(String title, String detail, String problemType) {
    this.title = title;
    this.detail = detail;
    this.problemType = problemType;
  }

  public String title() {
    return title;
  }

  public String detail() {
    return detail;
  }

  public String problemType() {
    return problemType;
  }

  /**
   * Reads {@code body} (possibly cut short) of a response with status {@code status}; {@code reason} is the
   * HTTP reason phrase as received, used only for statuses this class has no phrase for.
   */
  public static ErrorBody parse(int status, String reason, String body) {
    String phrase = PHRASES.getOrDefault(status, reason == null || reason.isBlank() ? null : reason.trim());
    String text = body == null ? "" : body.trim();
    if (text.isEmpty()) return new ErrorBody(phrase, null, null);
    if (text.startsWith("{")) {
      JsonObject json = parseObject(text);
      if (json != null) return fromJson(json, phrase);
    }
    if (text.startsWith("<")) {
      String title = firstMatch(TITLE, text);
      if (title == null) title = firstMatch(H1, text);
      return new ErrorBody(title != null ? title : phrase, null, null);
    }
    return new ErrorBody(phrase, clip(text.replaceAll("\\s+", " ")), null);
  }

  private static ErrorBody fromJson(JsonObject json, String phrase) {
    String type = string(json, "type");
    String title = string(json, "title");
    if (title == null) title = string(json, "message");
    if (title == null) title = string(json, "error");
    String detail = string(json, "detail");
    if (detail == null) detail = string(json, "error_description");
    if (detail == null) detail = embeddedErrors(json);
    if (detail == null && json.get("data") instanceof JsonObject) {
      detail = string(json.getAsJsonObject("data"), "message");
    }
    // RFC 9457: with type about:blank (or none), the title is the status's phrase.
    if (title == null) title = phrase;
    return new ErrorBody(title, detail, type);
  }

  /** Micronaut lists each error under {@code _embedded.errors[].message}. */
  private static String embeddedErrors(JsonObject json) {
    if (!(json.get("_embedded") instanceof JsonObject)) return null;
    JsonElement errors = json.getAsJsonObject("_embedded").get("errors");
    if (!(errors instanceof JsonArray)) return null;
    List<String> messages = new ArrayList<>();
    for (JsonElement error : (JsonArray) errors) {
      if (error instanceof JsonObject) {
        String message = string((JsonObject) error, "message");
        if (message != null) messages.add(message);
      }
    }
    return messages.isEmpty() ? null : clip(String.join("; ", messages));
  }

  private static JsonObject parseObject(String text) {
    try {
      JsonElement element = JsonParser.parseString(text);
      return element instanceof JsonObject ? (JsonObject) element : null;
    } catch (RuntimeException e) {
      return null; // cut short or not JSON after all: read as text
    }
  }

  private static String string(JsonObject json, String name) {
    JsonElement value = json.get(name);
    if (value == null || value.isJsonNull()) return null;
    String text = value.isJsonPrimitive() ? value.getAsString() : value.toString();
    return text.isBlank() ? null : clip(text.trim());
  }

  private static String firstMatch(Pattern pattern, String html) {
    Matcher matcher = pattern.matcher(html);
    if (!matcher.find()) return null;
    String text = unescape(TAG.matcher(matcher.group(1)).replaceAll(" ")).replaceAll("\\s+", " ").trim();
    return text.isEmpty() ? null : clip(text);
  }

  private static String unescape(String html) {
    return html.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
        .replace("&#39;", "'").replace("&#x27;", "'").replace("&amp;", "&");
  }

  private static String clip(String text) {
    return text.length() <= FIELD_LIMIT ? text : text.substring(0, FIELD_LIMIT) + "...";
  }

  /** The standard phrase for {@code status}, or null. */
  public static String phrase(int status) {
    return PHRASES.get(status);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "ErrorBody{title=%s, detail=%s, type=%s}", title, detail, problemType);
  }
}
