package io.flotilla.search;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A tweet as the microblog answers it everywhere (the tweets and search services alike): exactly
 * these fields, in this order. Search only ever answers public tweets.
 *
 * @param tag the tag's name, or null for a tweet without one
 * @param created ISO-8601 UTC with seconds precision, e.g. {@code 2026-11-23T10:15:30Z}
 */
@JsonPropertyOrder({"id", "username", "text", "private", "tag", "created"})
record Tweet(
    long id,
    String username,
    String text,
    @JsonProperty("private") boolean isPrivate,
    String tag,
    String created) {}
