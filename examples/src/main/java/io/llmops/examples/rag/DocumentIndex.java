package io.llmops.examples.rag;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** A tiny in-memory document store with keyword scoring: the "R" of the demo's RAG. */
final class DocumentIndex {

  record Document(String id, String text) {}

  /** Words that say nothing about what a question is about. */
  private static final Set<String> COMMON_WORDS =
      Set.of("the", "and", "who", "what", "how", "are", "was", "for", "with", "does", "did", "which");

  private final List<Document> documents = List.of(
      new Document("java-1", "Java is a programming language first released by Sun Microsystems in 1995."),
      new Document("java-2", "The JVM runs Java bytecode and other languages such as Kotlin and Scala."),
      new Document("bedrock-1", "Amazon Bedrock offers foundation models through the Converse API, which reports token usage."),
      new Document("sqs-1", "Amazon SQS is a managed message queue; a message body can hold up to 1 MiB."),
      new Document("otel-1", "OpenTelemetry defines traces made of nested spans with parent links."));

  /** The documents sharing the most words with {@code query}, best first (ties in index order). */
  List<Document> search(String query, int limit) {
    List<String> words = Arrays.stream(query.toLowerCase(Locale.ROOT).split("\\W+"))
        .filter(w -> w.length() > 2 && !COMMON_WORDS.contains(w)).toList();
    List<Document> hits = new ArrayList<>();
    Map<Document, Long> scores = new HashMap<>();
    for (Document doc : documents) {
      String text = doc.text().toLowerCase(Locale.ROOT);
      long score = words.stream().filter(text::contains).count();
      if (score > 0) {
        hits.add(doc);
        scores.put(doc, score);
      }
    }
    hits.sort(Comparator.comparing(scores::get, Comparator.reverseOrder())); // stable
    return hits.subList(0, Math.min(limit, hits.size()));
  }
}
