package io.flotilla.hardware;

/**
 * Finds out how available a piece of hardware is. A check may be slow (seconds, as the original's
 * was): {@link AvailabilityCache} runs each on a virtual thread of its own, many at once, and
 * interrupts one that passes its deadline.
 */
interface AvailabilityProbe {

  Availability check(Hardware hardware) throws InterruptedException;
}
