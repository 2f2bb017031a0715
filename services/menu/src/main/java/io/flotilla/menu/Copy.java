package io.flotilla.menu;

import java.nio.ByteBuffer;

/**
 * One upstream answer as the cache keeps it: 200 with the upstream's JSON body byte for byte, or
 * 404 (kept too, so that unknown paths do not reach a rate-limited upstream on every request).
 *
 * @param status the upstream's status, 200 or 404
 * @param body the upstream's body for a 200; empty for a 404
 * @param fetchedAt when it came from the upstream, in epoch milliseconds; every replica sharing the
 *     copy ages it from the same moment
 */
record Copy(int status, byte[] body, long fetchedAt) {

  long ageMillis(long now) {
    return Math.max(0, now - fetchedAt);
  }

  /** The copy as Redis keeps it: fetchedAt, status, body. */
  byte[] toBytes() {
    return ByteBuffer.allocate(Long.BYTES + Integer.BYTES + body.length)
        .putLong(fetchedAt)
        .putInt(status)
        .put(body)
        .array();
  }

  static Copy fromBytes(byte[] bytes) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    long fetchedAt = buffer.getLong();
    int status = buffer.getInt();
    byte[] body = new byte[buffer.remaining()];
    buffer.get(body);
    return new Copy(status, body, fetchedAt);
  }
}
