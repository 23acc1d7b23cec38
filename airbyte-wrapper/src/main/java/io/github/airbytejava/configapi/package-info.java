/**
 * Airbyte's <strong>internal</strong> Config API, opt-in: why a job failed (its attempts and their failure reasons)
 * and its logs, which the public API does not give. Off unless turned on with
 * {@link io.github.airbytejava.AirbyteClient.Builder#enableInternalConfigApi()} or
 * {@link io.github.airbytejava.AirbyteClient.Builder#internalConfigApiUrl(String)}.
 *
 * <p>The Config API is Airbyte's own, unversioned and undocumented for outside use: fields come and go between
 * platform versions, and an account or a proxy may refuse it where the public API works. Everything here is
 * therefore best effort: a refusal, a missing endpoint or an answer of an unknown shape is a
 * {@link io.github.airbytejava.configapi.DetailsUnavailableException} saying why, never a crash, and
 * {@link io.github.airbytejava.Syncs#run} reports it on the outcome instead of failing the wait. Nothing in this
 * package is covered by the project's compatibility promise.
 */
package io.github.airbytejava.configapi;
