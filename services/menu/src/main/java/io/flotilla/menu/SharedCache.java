package io.flotilla.menu;

import java.util.function.Predicate;

/**
 * The cache every relay replica shares, so that N replicas make one upstream call per path per
 * expiry between them. {@link #NONE} when the relay has a cache of its own only.
 */
interface SharedCache {

  /** The copy some replica stored for the key, however old, or null. */
  Copy get(String key);

  /**
   * Either a fresh copy another replica fetched meanwhile, or null: then this replica holds the
   * right to call the upstream for the key and must {@link #put} or {@link #release} it.
   */
  Copy claim(String key, Predicate<Copy> fresh);

  /** Stores a copy fetched under a claim, and releases the claim. */
  void put(String key, Copy copy);

  /** Gives a claim back after a failed upstream call. */
  void release(String key);

  SharedCache NONE =
      new SharedCache() {
        @Override
        public Copy get(String key) {
          return null;
        }

        @Override
        public Copy claim(String key, Predicate<Copy> fresh) {
          return null;
        }

        @Override
        public void put(String key, Copy copy) {}

        @Override
        public void release(String key) {}
      };
}
