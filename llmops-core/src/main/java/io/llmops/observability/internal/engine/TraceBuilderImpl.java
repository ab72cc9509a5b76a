package io.llmops.observability.internal.engine;

import io.llmops.observability.RemoteParent;
import io.llmops.observability.TraceBuilder;
import io.llmops.observability.internal.common.Arguments;
import io.llmops.observability.internal.capture.CaptureBudget;
import io.llmops.observability.internal.capture.Snapshotter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects a trace's initial values until it starts. Internal. */
final class TraceBuilderImpl implements TraceBuilder {

  private final Tracer tracer;
  final String name;
  String projectId;
  String environment;
  final Map<String, Object> metadata = new LinkedHashMap<>();
  String userId;
  String sessionId;
  List<String> tags = List.of();
  RemoteParent remoteParent;
  /** What the metadata set here may capture; charged to the trace's budget when it starts. */
  final CaptureBudget budget = CaptureBudget.standalone();

  TraceBuilderImpl(Tracer tracer, String name) {
    this.tracer = tracer;
    this.name = name;
  }

  @Override
  public TraceBuilder projectId(String value) {
    projectId = Arguments.requireNonBlank(value, "projectId");
    return this;
  }

  @Override
  public TraceBuilder environment(String value) {
    environment = Arguments.requireNonBlank(value, "environment");
    return this;
  }

  @Override
  public TraceBuilder metadata(String key, Object value) {
    if (key == null) {
      throw new IllegalArgumentException("metadata key must not be null");
    }
    metadata.put(Snapshotter.key(key), Snapshotter.capture(value, budget));
    return this;
  }

  @Override
  public TraceBuilder metadata(Map<String, ?> values) {
    if (values == null) {
      throw new IllegalArgumentException("metadata must not be null");
    }
    values.forEach(this::metadata);
    return this;
  }

  @Override
  public TraceBuilder userId(String value) {
    userId = value;
    return this;
  }

  @Override
  public TraceBuilder sessionId(String value) {
    sessionId = value;
    return this;
  }

  @Override
  public TraceBuilder tags(String... values) {
    if (values == null) {
      throw new IllegalArgumentException("tags must not be null");
    }
    for (String tag : values) {
      if (tag == null) {
        throw new IllegalArgumentException("tags must not contain null");
      }
    }
    tags = List.of(values);
    return this;
  }

  @Override
  public TraceBuilder remoteParent(RemoteParent parent) {
    remoteParent = parent;
    return this;
  }

  @Override
  public String start() {
    return tracer.startTrace(this);
  }
}
