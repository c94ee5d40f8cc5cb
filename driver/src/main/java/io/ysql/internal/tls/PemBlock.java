package io.ysql.internal.tls;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One PEM block (RFC 7468): the label between {@code -----BEGIN } and {@code -----}, the
 * RFC 1421 headers some legacy blocks carry ({@code Proc-Type}, {@code DEK-Info}) and the decoded
 * DER bytes. Text outside the blocks is ignored, as OpenSSL ignores it (files exported from
 * PKCS#12 start with "Bag Attributes" lines, for example).
 *
 * @param label   e.g. {@code CERTIFICATE}, {@code PRIVATE KEY}, {@code X509 CRL}
 * @param headers header name → value, in file order; usually empty
 * @param der     the decoded body
 */
record PemBlock(String label, Map<String, String> headers, byte[] der) {
    private static final String BEGIN = "-----BEGIN ";
    private static final String END = "-----END ";
    private static final String DASHES = "-----";

    PemBlock {
        headers = Map.copyOf(headers);
    }

    /** Whether a legacy {@code Proc-Type: 4,ENCRYPTED} header says the body is encrypted. */
    boolean legacyEncrypted() {
        String procType = headers.get("proc-type");
        return procType != null && procType.toUpperCase(Locale.ROOT).contains("ENCRYPTED");
    }

    /**
     * Every block in {@code text}, in order.
     *
     * @throws IllegalArgumentException when a block has no matching END line or a bad body
     */
    static List<PemBlock> parseAll(String text) {
        List<PemBlock> out = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        int k = 0;
        while (k < lines.length) {
            String line = lines[k++].strip();
            if (!line.startsWith(BEGIN) || !line.endsWith(DASHES) || line.length() < BEGIN.length() + DASHES.length()) {
                continue;
            }
            String label = line.substring(BEGIN.length(), line.length() - DASHES.length());
            String endLine = END + label + DASHES;
            Map<String, String> headers = new LinkedHashMap<>();
            StringBuilder body = new StringBuilder();
            boolean ended = false;
            while (k < lines.length) {
                String l = lines[k++].strip();
                if (l.equals(endLine)) {
                    ended = true;
                    break;
                }
                int colon = l.indexOf(':');
                if (body.length() == 0 && colon > 0) {
                    headers.put(l.substring(0, colon).strip().toLowerCase(Locale.ROOT), l.substring(colon + 1).strip());
                } else {
                    body.append(l);
                }
            }
            if (!ended) throw new IllegalArgumentException("the PEM block \"" + label + "\" has no END line");
            byte[] der;
            try {
                der = Base64.getMimeDecoder().decode(body.toString());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the PEM block \"" + label + "\" is not valid base64", e);
            }
            out.add(new PemBlock(label, headers, der));
        }
        return out;
    }
}
