package io.github.airbytejava.internal.auth;

import io.github.airbytejava.TokenSource;
import okhttp3.HttpUrl;

/**
 * What a {@link io.github.airbytejava.Credentials} holds, one record per mode. Internal: users build these through
 * the {@code Credentials} factories, which validate them. Every {@code toString()} leaves the secrets out.
 */
public sealed interface AuthMethod {

  /** Client id and secret exchanged at the token endpoint; {@code tokenUrl} is null for the default. */
  record ClientCredentials(String clientId, String clientSecret, HttpUrl tokenUrl) implements AuthMethod {
    @Override
    public String toString() {
      // The client id is not a secret, but a shortened one is enough to recognise it and tells nothing if a
      // caller swapped the id and the secret by mistake.
      String shortId = clientId.length() <= 4 ? clientId : clientId.substring(0, 4) + "…";
      // A token URL may carry a user and password (a proxy's, say): never shown.
      String shownUrl = tokenUrl == null ? null : tokenUrl.newBuilder().username("").password("").build().toString();
      return "clientCredentials, clientId=" + shortId + (shownUrl == null ? "" : ", tokenUrl=" + shownUrl);
    }
  }

  /** A token used as is, never refreshed. */
  record StaticBearer(String accessToken) implements AuthMethod {
    @Override
    public String toString() {
      return "bearerToken";
    }
  }

  /** HTTP Basic, for self-managed installs. */
  record Basic(String username, String password) implements AuthMethod {
    @Override
    public String toString() {
      return "basic, username=" + username;
    }
  }

  /** No Authorization header at all. */
  record None() implements AuthMethod {
    @Override
    public String toString() {
      return "none";
    }
  }

  /** Tokens from user code, cached like client-credentials tokens. */
  record CustomSource(TokenSource source) implements AuthMethod {
    @Override
    public String toString() {
      // Not source.toString(): user code may print whatever it holds.
      return "tokenSource=" + source.getClass().getName();
    }
  }
}
