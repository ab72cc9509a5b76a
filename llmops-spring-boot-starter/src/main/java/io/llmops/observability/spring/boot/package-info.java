/**
 * Spring Boot auto-configuration of the SDK (docs/SPRING.md): {@code llmops.*} properties, the
 * inbound filter, Spring-built HTTP clients, the {@code @Track*} annotations through Spring AOP,
 * flush on context close and Micrometer meters.
 */
@NullMarked
package io.llmops.observability.spring.boot;

import org.jspecify.annotations.NullMarked;
