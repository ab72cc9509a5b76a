package io.llmops.observability.bedrock.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;

class PromptsTest {

  static String invoke(String body) {
    return Prompts.invokeModel(SdkBytes.fromUtf8String(body));
  }

  @Test
  void aLoneUserMessageIsItsTextAndAConversationIsOneLinePerTurn() {
    Message user = Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText("Hi")).build();
    Message assistant = Message.builder().role(ConversationRole.ASSISTANT).content(ContentBlock.fromText("Hello")).build();

    assertThat(Prompts.converse(List.of(), List.of(user))).isEqualTo("Hi");
    assertThat(Prompts.converse(List.of(SystemContentBlock.builder().text("Be kind.").build()),
        List.of(user, assistant, user))).isEqualTo("system: Be kind.\nuser: Hi\nassistant: Hello\nuser: Hi");
  }

  @Test
  void invokeModelBodiesOfEachProviderGiveTheirPrompt() {
    assertThat(invoke("{\"anthropic_version\":\"bedrock-2023-05-31\",\"system\":\"Terse.\","
        + "\"messages\":[{\"role\":\"user\",\"content\":\"Why?\"}]}")).isEqualTo("system: Terse.\nuser: Why?");
    assertThat(invoke("{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"Nova\"}]}]}")).isEqualTo("Nova");
    assertThat(invoke("{\"prompt\":\"<s>[INST] Llama [/INST]\",\"max_gen_len\":50}")).isEqualTo("<s>[INST] Llama [/INST]");
    assertThat(invoke("{\"inputText\":\"Titan\",\"textGenerationConfig\":{}}")).isEqualTo("Titan");
    assertThat(invoke("{\"message\":\"Command R\",\"chat_history\":[]}")).isEqualTo("Command R");
    assertThat(invoke("{\"unknown\":1}")).isEqualTo("{\"unknown\":1}");
    assertThat(invoke("not json")).isEqualTo("not json");
  }
}
