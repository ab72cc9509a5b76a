/** {@code ./llmops demo http}: the client spans of every supported HTTP client, redacted. */
package io.llmops.examples.http;
