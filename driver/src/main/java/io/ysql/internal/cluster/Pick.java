package io.ysql.internal.cluster;

/**
 * The outcome of choosing a server: a reservation on the chosen one, or none acceptable (and
 * whether that must fail the connect rather than fall back to a plain connection).
 */
public sealed interface Pick {
    /** A server was chosen and its count already taken. */
    record Chosen(ServerLease lease) implements Pick {}

    /** No server is acceptable right now. */
    record NoneAvailable(boolean mustFail) implements Pick {}
}
