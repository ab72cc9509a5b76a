package io.llmops.examples.rag;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A tiny in-memory document store with keyword scoring: the "R" of the demo's RAG. */
final class DocumentIndex {

  record Document(String id, String text) {}

  private final List<Document> documents = List.of(
      new Document("java-1", "Java is a programming language first released by Sun Microsystems in 1995."),
      new Document("java-2", "The JVM runs Java bytecode and other languages such as Kotlin and Scala."),
      new Document("bedrock-1", "Amazon Bedrock offers foundation models through the Converse API, which reports token usage."),
      new Document("sqs-1", "Amazon SQS is a managed message queue; a message body can hold up to 1 MiB."),
      new Document("otel-1", "OpenTelemetry defines traces made of nested spans with parent links."));

  /** The documents sharing the most words with {@code query}, best first. */
  List<Document> search(String query, int limit) {
    List<String> words = List.of(query.toLowerCase(Locale.ROOT).split("\\W+"));
    Map<Document, Long> scores = new java.util.HashMap<>();
    for (Document doc : documents) {
      String text = doc.text().toLowerCase(Locale.ROOT);
      long score = words.stream().filter(w -> w.length() > 2 && text.contains(w)).count();
      if (score > 0) {
        scores.put(doc, score);
      }
    }
    return scores.entrySet().stream()
        .sorted(Map.Entry.<Document, Long>comparingByValue(Comparator.reverseOrder()))
        .limit(limit)
        .map(Map.Entry::getKey)
        .toList();
  }
}
