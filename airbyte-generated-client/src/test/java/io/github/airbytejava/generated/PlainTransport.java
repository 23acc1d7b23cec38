package io.github.airbytejava.generated;

import io.github.airbytejava.generated.invoker.ApiOperation;
import io.github.airbytejava.generated.invoker.ApiResponse;
import io.github.airbytejava.generated.invoker.ApiTransport;
import io.github.airbytejava.generated.invoker.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.util.concurrent.CompletableFuture;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** The least transport there is, so that this module's tests see the generated code alone, without the wrapper. */
class PlainTransport implements ApiTransport {
  private final OkHttpClient http = new OkHttpClient();
  private final HttpUrl baseUrl;

  PlainTransport(HttpUrl baseUrl) {
    this.baseUrl = baseUrl;
  }

  @Override
  public HttpUrl baseUrl() {
    return baseUrl;
  }

  @Override
  public <T> T execute(ApiOperation operation, Request request, Type responseType) {
    return this.<T>executeRaw(operation, request, responseType).data();
  }

  @Override
  public <T> ApiResponse<T> executeRaw(ApiOperation operation, Request request, Type responseType) {
    try (Response response = http.newCall(request).execute()) {
      String body = response.body().string();
      if (!response.isSuccessful()) throw new IllegalStateException(operation.operationId() + ": " + response.code());
      T data = responseType == null ? null : JSON.deserialize(body, responseType);
      return new ApiResponse<>(response.code(), response.headers(), body, data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public <T> CompletableFuture<T> executeAsync(ApiOperation operation, Request request, Type responseType) {
    return CompletableFuture.supplyAsync(() -> execute(operation, request, responseType));
  }
}
