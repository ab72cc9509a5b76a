package io.llmops.observability.internal.model;

/** Cost of a generation in US dollars. Internal. */
public record Cost(double inputCost, double outputCost, double totalCost) {}
