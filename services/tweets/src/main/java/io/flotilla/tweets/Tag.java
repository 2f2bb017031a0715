package io.flotilla.tweets;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One of the nine tags, as {@code GET /api/v1/tweets/tags} shows it. */
@JsonPropertyOrder({"id", "name"})
record Tag(int id, String name) {}
