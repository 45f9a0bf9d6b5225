package org.bluemarble.load.driver;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Map;
import org.bluemarble.load.metrics.Counters;
import org.bluemarble.load.metrics.LatencyMetric;
import org.bluemarble.protocol.client.ClientIoLoop;

/**
 * What every bot of a run shares: where the server is, the I/O machinery and the measurements.
 *
 * @param http the WebSocket client (its executor is the WebSocket I/O pool)
 * @param wsUri the game WebSocket, e.g. {@code ws://127.0.0.1:8080/ws}
 * @param udpAddress the game's UDP endpoint (always the target, never an address a token names)
 * @param loop the selector thread driving every UDP bot
 * @param counters counts shared by all bots
 * @param rtt input → InputAck round trip
 * @param observer input → first snapshot of another bot showing the move
 * @param chatPerMinute chat lines each bot sends per minute (0: none)
 * @param combat abilities per bot per minute and the combat numbers
 * @param chat the guilds the bots share and the chat numbers per channel
 */
public record BotContext(
    HttpClient http,
    URI wsUri,
    InetSocketAddress udpAddress,
    ClientIoLoop loop,
    Counters counters,
    LatencyMetric rtt,
    LatencyMetric observer,
    double chatPerMinute,
    Map<Long, Bot> byEntity,
    CombatLoad combat,
    ChatLoad chat) {}
