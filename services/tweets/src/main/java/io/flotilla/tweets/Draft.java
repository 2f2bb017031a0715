package io.flotilla.tweets;

/**
 * A tweet as it is written: checked text, the tag's id (null for none) and its privacy.
 *
 * @param tagId one of the nine tags' ids, or null
 */
record Draft(String text, Integer tagId, boolean isPrivate) {}
