/**
 * The local trace viewer: {@link io.llmops.observability.ui.TraceViewer} serves a web page on
 * 127.0.0.1 over an embedded SQLite database that it fills from trace folders;
 * {@link io.llmops.observability.ui.LlmopsUi} is its command line. See docs/UI.md.
 */
@NullMarked
package io.llmops.observability.ui;

import org.jspecify.annotations.NullMarked;
