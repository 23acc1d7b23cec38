package io.github.airbytejava.internal.auth;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** Reads {@code exp} from a JWT's payload, without verifying anything: it only tunes when to refresh. */
final class Jwt {
  private Jwt() {}

  /** The token's {@code exp}, or null when the token is not a JWT or has no numeric {@code exp}. */
  static Instant expiry(String token) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      return null;
    }
    try {
      byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
      JsonElement json = JsonParser.parseString(new String(payload, StandardCharsets.UTF_8));
      if (!json.isJsonObject()) {
        return null;
      }
      JsonElement exp = ((JsonObject) json).get("exp");
      if (exp == null || !exp.isJsonPrimitive() || !exp.getAsJsonPrimitive().isNumber()) {
        return null;
      }
      return Instant.ofEpochSecond(exp.getAsLong());
    } catch (RuntimeException notAJwt) {
      // Opaque tokens, bad base64, bad JSON, out-of-range numbers: not a JWT we can read, which is fine.
      return null;
    }
  }
}
