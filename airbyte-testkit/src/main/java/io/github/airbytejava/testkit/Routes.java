package io.github.airbytejava.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * The fake's operations: method, path template as the spec writes it ({@code /sources/{sourceId}}), operationId, and
 * the handler. Each resource group adds its own; {@link #match} finds the one for a request.
 */
final class Routes {

  @FunctionalInterface
  interface Handler {
    Reply handle(Call call);
  }

  /** One operation. {@code open}: served without a token, as the spec's {@code security: []} operations. */
  record Route(String method, String template, String operationId, boolean open, Handler handler,
      List<String> segments, int literals) {
  }

  /**
   * What a request matched: its route and the values of the placeholders, or no route; {@code pathKnown} tells a
   * wrong method (405) from an unknown path.
   */
  record Match(Route route, Map<String, String> params, boolean pathKnown) {
  }

  private final List<Route> routes = new ArrayList<>();

  void get(String template, String operationId, Handler handler) {
    add("GET", template, operationId, false, handler);
  }

  void post(String template, String operationId, Handler handler) {
    add("POST", template, operationId, false, handler);
  }

  void put(String template, String operationId, Handler handler) {
    add("PUT", template, operationId, false, handler);
  }

  void patch(String template, String operationId, Handler handler) {
    add("PATCH", template, operationId, false, handler);
  }

  void delete(String template, String operationId, Handler handler) {
    add("DELETE", template, operationId, false, handler);
  }

  /** An operation served without a token. */
  void open(String method, String template, String operationId, Handler handler) {
    add(method, template, operationId, true, handler);
  }

  private void add(String method, String template, String operationId, boolean open, Handler handler) {
    List<String> segments = segments(template);
    int literals = (int) segments.stream().filter(s -> !isPlaceholder(s)).count();
    for (Route r : routes) {
      if (r.operationId().equals(operationId) || (r.method().equals(method) && r.segments().equals(segments))) {
        throw new IllegalStateException("Two routes for " + method + " " + template + " / " + operationId);
      }
    }
    routes.add(new Route(method, template, operationId, open, handler, segments, literals));
  }

  List<Route> all() {
    return List.copyOf(routes);
  }

  /** The route for this request; where templates overlap ({@code /sources/initiateOAuth}), literal segments win. */
  Match match(String method, String apiPath) {
    List<String> path = segments(apiPath);
    Route best = null;
    Map<String, String> bestParams = null;
    boolean pathKnown = false;
    for (Route route : routes) {
      Map<String, String> params = bind(route.segments(), path);
      if (params == null) {
        continue;
      }
      pathKnown = true;
      if (route.method().equals(method) && (best == null || route.literals() > best.literals())) {
        best = route;
        bestParams = params;
      }
    }
    return new Match(best, best == null ? Map.of() : bestParams, pathKnown);
  }

  /** The placeholder values when {@code path} fits {@code template}, else null. */
  private static Map<String, String> bind(List<String> template, List<String> path) {
    if (template.size() != path.size()) {
      return null;
    }
    Map<String, String> params = null;
    for (int i = 0; i < template.size(); i++) {
      String want = template.get(i);
      if (isPlaceholder(want)) {
        if (params == null) {
          params = new LinkedHashMap<>();
        }
        params.put(want.substring(1, want.length() - 1), decode(path.get(i)));
      } else if (!want.equals(path.get(i))) {
        return null;
      }
    }
    return params == null ? Map.of() : params;
  }

  /**
   * Whether a request path fits a pattern (of a fault or a stub) as it would fit a route: the spec's placeholders
   * match any one segment ({@code /jobs/{jobId}} fits {@code /jobs/12}) and empty segments do not count.
   */
  static boolean fits(String pattern, String apiPath) {
    return bind(segments(pattern), segments(apiPath)) != null;
  }

  private static boolean isPlaceholder(String segment) {
    return segment.startsWith("{") && segment.endsWith("}");
  }

  /** Empty segments are ignored, so {@code /sources/} is {@code /sources}. */
  static List<String> segments(String path) {
    List<String> out = new ArrayList<>();
    for (String s : path.split("/")) {
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  private static String decode(String encodedSegment) {
    if (encodedSegment.indexOf('%') < 0) {
      return encodedSegment;
    }
    HttpUrl url = HttpUrl.parse("http://x/" + encodedSegment);
    return url == null ? encodedSegment : url.pathSegments().get(0);
  }
}
