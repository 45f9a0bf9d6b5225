package org.bluemarble.load.driver;

/**
 * The run's chat traffic (with {@code --chat-per-minute}): lines the bots sent (Say, and Whisper to
 * a paired bot), lines other bots received (one per recipient), the send → receive latency of those
 * deliveries (all bots share the driver's clock), and sends the server refused (rate, mute,
 * recipient offline, degraded...).
 */
public record ChatStats(
    long sent, long delivered, double deliveryP50Ms, double deliveryP99Ms, long refused) {}
