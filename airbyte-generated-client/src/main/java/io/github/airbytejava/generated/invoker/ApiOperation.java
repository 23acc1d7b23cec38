package io.github.airbytejava.generated.invoker;

/**
 * Which operation of the spec a request is: one constant per operation, built into the generated request classes.
 *
 * @param operationId the spec's {@code operationId}, such as {@code listJobs}: a good name for metrics and logs
 * @param method the HTTP method
 * @param path the path template, such as {@code /jobs/{jobId}}, without the base URL
 * @param authenticated false for the few operations the spec declares without security (the token exchange, the
 *     health check, the API root and the OAuth callback): they are sent without {@code Authorization}
 */
public record ApiOperation(String operationId, String method, String path, boolean authenticated) {}
