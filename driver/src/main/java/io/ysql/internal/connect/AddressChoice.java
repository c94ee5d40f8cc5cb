package io.ysql.internal.connect;

import io.ysql.config.HostSpec;
import io.ysql.internal.cluster.ServerEntry;
import io.ysql.internal.cluster.ServerList;
import io.ysql.internal.session.Session;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Which addresses of a cluster to use, decided from the server the list was fetched through: when
 * that server was reached through a row's {@code public_ip}, every server is reached through its
 * public address; through its {@code host}, or undecidable, through the private ones. Also names
 * the listed server the session is on. Names are compared as text first; DNS is asked only when
 * that decides nothing.
 *
 * @param usePublic whether to connect to {@code public_ip}
 * @param current the listed server the session is connected to, as the cluster keys it, or {@code null}
 */
record AddressChoice(boolean usePublic, HostSpec current) {

    static AddressChoice of(Session session, ServerList list, Boolean decided) {
        String name = session.transport().host();
        int port = session.transport().port();
        String ip = session.transport().socket().getInetAddress().getHostAddress();
        for (ServerEntry e : list.servers()) {
            if (e.port() != port) continue;
            if (same(e.host(), name, ip)) return choice(decided, false, e);
            if (e.publicIp() != null && same(e.publicIp(), name, ip)) return choice(decided, true, e);
        }
        for (ServerEntry e : list.servers()) {
            if (e.port() != port) continue;
            if (ip.equals(resolve(e.host()))) return choice(decided, false, e);
            if (e.publicIp() != null && ip.equals(resolve(e.publicIp()))) return choice(decided, true, e);
        }
        return new AddressChoice(Boolean.TRUE.equals(decided), null);
    }

    private static AddressChoice choice(Boolean decided, boolean usePublic, ServerEntry e) {
        boolean use = decided == null ? usePublic : decided;
        return new AddressChoice(use, new HostSpec(e.address(use), e.port()));
    }

    private static boolean same(String listed, String name, String ip) {
        return listed.equalsIgnoreCase(name) || listed.equals(ip);
    }

    private static String resolve(String host) {
        try {
            return InetAddress.getByName(host).getHostAddress();
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }
}
