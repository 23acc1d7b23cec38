package io.github.airbytejava.testkit;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.function.Function;
import okhttp3.HttpUrl;

/**
 * One page of a list as the real server pages it (PaginationMapper): {@code limit} 1 to 100 (default 20),
 * {@code offset} 0 or more, {@code next} on every non-empty page (even a short one) and {@code ""} on an empty one,
 * {@code previous} {@code ""} at offset 0. Only the items of the page are turned into JSON.
 */
final class Page {

  private Page() {
  }

  static <T> Reply of(Context context, Call call, List<T> items, Function<T, JsonObject> toJson) {
    int limit = call.intQuery("limit", 20);
    if (limit < 1 || limit > 100) {
      return Reply.badRequest("'limit' must be between 1 and 100, not " + limit + ".");
    }
    int offset = call.intQuery("offset", 0);
    if (offset < 0) {
      return Reply.badRequest("'offset' must be 0 or more, not " + offset + ".");
    }
    int from = Math.min(offset, items.size());
    int to = (int) Math.min((long) offset + limit, items.size());
    JsonArray data = new JsonArray(to - from);
    for (T item : items.subList(from, to)) {
      data.add(toJson.apply(item));
    }
    JsonObject response = new JsonObject();
    response.addProperty("previous", offset == 0 ? "" : url(context, call, limit, Math.max(0, offset - limit)));
    response.addProperty("next", data.isEmpty() ? "" : url(context, call, limit, offset + limit));
    response.add("data", data);
    return Reply.ok(response);
  }

  /** The full URL of another page: the same path and filters, then {@code limit} and {@code offset}. */
  private static String url(Context context, Call call, int limit, int offset) {
    HttpUrl.Builder url = HttpUrl.get(context.baseUrl() + call.apiPath()).newBuilder();
    for (String name : call.url().queryParameterNames()) {
      if (!name.equals("limit") && !name.equals("offset")) {
        for (String value : call.url().queryParameterValues(name)) {
          url.addQueryParameter(name, value);
        }
      }
    }
    return url.addQueryParameter("limit", Integer.toString(limit))
        .addQueryParameter("offset", Integer.toString(offset))
        .build()
        .toString();
  }
}
