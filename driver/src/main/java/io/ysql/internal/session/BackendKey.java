package io.ysql.internal.session;

/** The server process serving a session and the secret that lets a CancelRequest reach it. */
public record BackendKey(int processId, int secretKey) {
    @Override
    public String toString() { return "BackendKey[processId=" + processId + "]"; }
}
