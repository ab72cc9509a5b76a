/** Beans of a test application, one of them woven at build time by the test. */
package io.llmops.observability.spring.boot.buildtime;
