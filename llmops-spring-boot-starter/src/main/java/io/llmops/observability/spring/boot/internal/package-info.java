/** Internal, may change without notice; do not use. */
package io.llmops.observability.spring.boot.internal;
