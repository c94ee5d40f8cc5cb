package io.ysql;

/**
 * A notification sent with {@code NOTIFY channel, 'payload'} (or {@code pg_notify}) to a channel
 * this connection {@code LISTEN}s on: the server process that sent it, the channel, and the
 * payload (empty when none was given). Taken with {@link YsqlConnection#getNotifications(int)},
 * {@link YsqlConnection#notifies()}, or delivered to a
 * {@link YsqlConnection#addNotificationListener listener}.
 */
public record Notification(int processId, String channel, String payload) {
    /** pgjdbc's name for {@link #channel()}. */
    public String getName() { return channel; }

    /** pgjdbc's name for {@link #processId()}. */
    public int getPID() { return processId; }

    /** pgjdbc's name for {@link #payload()}. */
    public String getParameter() { return payload; }
}
