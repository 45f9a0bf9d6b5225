package org.bluemarble.load.account;

/** What a bot needs to log in to the game: its character and a fresh access token. */
public record BotAccount(String username, String playerId, String accessToken) {}
