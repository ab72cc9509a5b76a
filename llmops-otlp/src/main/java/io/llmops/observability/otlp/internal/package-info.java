/** The OTLP module's internals: conversion, batching and delivery. Not API. */
package io.llmops.observability.otlp.internal;
