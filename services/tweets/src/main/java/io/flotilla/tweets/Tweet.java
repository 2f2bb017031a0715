package io.flotilla.tweets;

import java.time.Instant;

/**
 * A tweet as stored.
 *
 * @param accountId the author's account id, null for a tweet from before account ids
 * @param tagId the tag's id, null for a tweet without a tag
 * @param tag the tag's name, null for a tweet without a tag
 * @param created when it was first written, to the second
 */
record Tweet(
    long id,
    String accountId,
    String username,
    String text,
    boolean isPrivate,
    Integer tagId,
    String tag,
    Instant created) {

  /** Who may see it: everyone when public, only its author's account when private. */
  boolean visibleTo(Author viewer) {
    return !isPrivate || (viewer != null && viewer.wrote(accountId, username));
  }
}
