package io.llmops.observability.providers;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.core.ObjectMappers;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.responses.Response;
import io.llmops.observability.LlmResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** OpenAI Java SDK objects, made the way the SDK makes them: deserialized from the API's JSON. */
class OpenAiSdkReaderTest {

  static final String CHAT = """
      {"id":"chatcmpl-1","object":"chat.completion","created":1741569952,"model":"gpt-4o-2024-08-06",
       "choices":[{"index":0,"message":{"role":"assistant","content":null,"refusal":null,
         "tool_calls":[{"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\\"city\\":\\"Paris\\"}"}}]},
         "logprobs":null,"finish_reason":"tool_calls"}],
       "usage":{"prompt_tokens":2006,"completion_tokens":300,"total_tokens":2306,
         "prompt_tokens_details":{"cached_tokens":1920},"completion_tokens_details":{"reasoning_tokens":64}}}""";

  static final String RESPONSE = """
      {"id":"resp_1","object":"response","created_at":1741476777,"status":"completed","model":"gpt-4.1-2025-04-14",
       "output":[{"type":"message","id":"msg_1","status":"completed","role":"assistant",
         "content":[{"type":"output_text","text":"Hello!","annotations":[]}]}],
       "parallel_tool_calls":true,"tool_choice":"auto","tools":[],"temperature":1.0,"top_p":1.0,
       "error":null,"incomplete_details":null,"instructions":null,"metadata":{},
       "usage":{"input_tokens":37,"input_tokens_details":{"cached_tokens":0},"output_tokens":11,
         "output_tokens_details":{"reasoning_tokens":0},"total_tokens":48}}""";

  @Test
  void aChatCompletion() throws Exception {
    ChatCompletion completion = ObjectMappers.jsonMapper().readValue(CHAT, ChatCompletion.class);
    LlmResponse r = LlmResponse.read(completion);
    assertThat(r.format()).isEqualTo("openai.chat");
    assertThat(r.modelId()).isEqualTo("gpt-4o-2024-08-06");
    assertThat(r.toolCalls()).containsExactly(new LlmResponse.ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}"));
    assertThat(List.of(r.inputTokens(), r.outputTokens(), r.cacheReadTokens(), r.reasoningTokens()))
        .containsExactly(2006L, 300L, 1920L, 64L);
    assertThat(r.stopReason()).isEqualTo("tool_calls");
  }

  @Test
  void aResponsesApiResponse() throws Exception {
    Response response = ObjectMappers.jsonMapper().readValue(RESPONSE, Response.class);
    LlmResponse r = LlmResponse.read(response);
    assertThat(r.format()).isEqualTo("openai.responses");
    assertThat(r.text()).isEqualTo("Hello!");
    assertThat(r.totalTokens()).isEqualTo(48);
  }

  @Test
  void gatheredChatCompletionChunks() throws Exception {
    List<ChatCompletionChunk> chunks = new ArrayList<>();
    for (String json : List.of(
        "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"},\"finish_reason\":null}]}",
        "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"lo\"},\"finish_reason\":\"stop\"}]}",
        "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o-mini\",\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":2,\"total_tokens\":11}}")) {
      chunks.add(ObjectMappers.jsonMapper().readValue(json, ChatCompletionChunk.class));
    }
    LlmResponse r = LlmResponse.read(chunks);
    assertThat(r.text()).isEqualTo("Hello");
    assertThat(r.totalTokens()).isEqualTo(11);
    assertThat(r.stopReason()).isEqualTo("stop");
  }
}
