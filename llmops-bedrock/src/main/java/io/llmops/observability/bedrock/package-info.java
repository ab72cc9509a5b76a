/**
 * Records Amazon Bedrock Runtime calls as generation spans with no user code: {@link
 * io.llmops.observability.bedrock.LlmopsBedrockInterceptor}, registered on a client builder, and
 * {@link io.llmops.observability.bedrock.GlobalBedrockInterceptor}, which the AWS SDK adds to every
 * client and which records only when {@code LLMOPS_BEDROCK_AUTO=true}. These two types are the
 * API. See docs/BEDROCK.md.
 *
 * <p><b>Absent values.</b> {@link org.jspecify.annotations.NullMarked @NullMarked}: null only
 * where {@link org.jspecify.annotations.Nullable @Nullable} says so.
 *
 * <p><b>Exceptions.</b> No method throws: a failure of the interceptors' own is logged (at most
 * once a minute) and the call goes on unrecorded; what the AWS SDK or the application throws is
 * left untouched.
 *
 * <p><b>Threads.</b> Both interceptors are thread-safe: one instance serves every call of its
 * client, on any thread.
 */
@NullMarked
package io.llmops.observability.bedrock;

import org.jspecify.annotations.NullMarked;
