package io.llmops.observability.internal.wire;

/**
 * Field names of the SQS message wrapper and of the decompressed trace JSON, exactly as the
 * specification writes them (docs/WIRE_FORMAT.md, docs/schema/). Internal.
 */
public final class WireFields {

  private WireFields() {}

  // wrapper
  public static final String COMPRESSED = "compressed";
  public static final String DATA = "data";
  public static final String TYPE = "type";
  /** The wrapper type we write; consumers also accept the specification's other spelling, "trace". */
  public static final String TYPE_TRACE = "SDKTraceData";

  // trace
  public static final String TRACE_ID = "trace_id";
  public static final String TRACE_NAME = "trace_name";
  public static final String PROJECT_ID = "project_id";
  public static final String ENVIRONMENT = "environment";
  public static final String USER_ID = "user_id";
  public static final String SESSION_ID = "session_id";
  public static final String START_TIME = "start_time";
  public static final String END_TIME = "end_time";
  public static final String DURATION_MS = "duration_ms";
  public static final String TRACE_INPUT = "trace_input";
  public static final String TRACE_OUTPUT = "trace_output";
  public static final String TOKEN_USAGE = "token_usage";
  public static final String TOTAL_INPUT_TOKENS = "total_input_tokens";
  public static final String TOTAL_OUTPUT_TOKENS = "total_output_tokens";
  public static final String TOTAL_TOKENS = "total_tokens";
  public static final String COST = "cost";
  public static final String TOTAL_COST = "total_cost";
  public static final String SPANS = "spans";
  public static final String METADATA = "metadata";
  public static final String TAGS = "tags";
  public static final String TOTAL_SPANS = "total_spans";
  public static final String TOTAL_GENERATIONS = "total_generations";
  public static final String SDK_NAME = "sdk_name";
  public static final String SDK_VERSION = "sdk_version";
  public static final String IDEMPOTENCY_KEY = "idempotency_key";
  public static final String IS_CHILD_SEGMENT = "is_child_segment";
  public static final String SEGMENT_ID = "segment_id";
  public static final String HAS_EXTERNAL_SEGMENTS = "has_external_segments";
  public static final String EXTERNAL_SEGMENTS_EXPECTED = "external_segments_expected";

  // span
  public static final String SPAN_ID = "span_id";
  public static final String SPAN_NAME = "span_name";
  public static final String SPAN_TYPE = "span_type";
  public static final String PARENT_SPAN_ID = "parent_span_id";
  public static final String INPUT_DATA = "input_data";
  public static final String ARGS = "args";
  public static final String KWARGS = "kwargs";
  public static final String LOCALS = "locals";
  public static final String SELF = "self";
  public static final String OUTPUT_DATA = "output_data";
  public static final String OUTPUT = "output";
  public static final String ERROR = "error";
  public static final String MODEL_ID = "model_id";
  public static final String STATUS = "status";
  public static final String STATUS_MESSAGE = "status_message";
  public static final String LEVEL = "level";
  public static final String USAGE = "usage";
  public static final String INPUT_TOKENS = "input_tokens";
  public static final String OUTPUT_TOKENS = "output_tokens";
  public static final String INPUT_COST = "input_cost";
  public static final String OUTPUT_COST = "output_cost";
  public static final String PROMPT = "prompt";
  public static final String RESPONSE = "response";

  public static final String STATUS_SUCCESS = "success";
  public static final String STATUS_ERROR = "error";

  // values the SDK adds to metadata
  public static final String EXCEPTION_TYPE = "exception.type";
  public static final String EXCEPTION_MESSAGE = "exception.message";
  public static final String EXCEPTION_STACKTRACE = "exception.stacktrace";
  public static final String LLMOPS_TRUNCATION = "llmops.truncation";
  public static final String LLMOPS_OPEN_SPANS = "llmops.open_spans";
  /** Set when the trace's capture budget ran out and some values were left out or cut. */
  public static final String LLMOPS_CAPTURE_BUDGET_EXHAUSTED = "llmops.capture_budget_exhausted";
  /** Why a generation stopped, as its response said (set by {@code Span.recordLlmResponse}). */
  public static final String LLM_STOP_REASON = "llm.stop_reason";
  /** Tool calls a generation's response requested: a list of {@code {id, name, arguments}}. */
  public static final String LLM_TOOL_CALLS = "llm.tool_calls";
  /** On a tool span: the id of the tool call it ran (set by the SDK, or by the application). */
  public static final String LLM_TOOL_CALL_ID = "llm.tool_call_id";
  /** On a tool span: the generation span that requested the call. */
  public static final String LLM_REQUESTED_BY_SPAN_ID = "llm.requested_by_span_id";

  // optional usage fields beyond the specification's three (written only when non-zero)
  public static final String CACHE_READ_INPUT_TOKENS = "cache_read_input_tokens";
  public static final String CACHE_CREATION_INPUT_TOKENS = "cache_creation_input_tokens";
  public static final String REASONING_TOKENS = "reasoning_tokens";

  // truncation marker of an object field
  public static final String TRUNCATED = "truncated";
  public static final String ORIGINAL_SIZE_BYTES = "original_size_bytes";
  public static final String PREVIEW = "preview";
}
