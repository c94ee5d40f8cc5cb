package io.ysql.internal.session;

/** A NOTIFY delivered to this session: the notifying process, the channel and the payload. */
public record Notification(int processId, String channel, String payload) {}
