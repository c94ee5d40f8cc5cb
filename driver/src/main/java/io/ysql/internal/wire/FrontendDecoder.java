package io.ysql.internal.wire;

import io.ysql.internal.buffer.ByteReader;
import io.ysql.internal.wire.frontend.Bind;
import io.ysql.internal.wire.frontend.CancelRequest;
import io.ysql.internal.wire.frontend.Close;
import io.ysql.internal.wire.frontend.CopyFail;
import io.ysql.internal.wire.frontend.Describe;
import io.ysql.internal.wire.frontend.Execute;
import io.ysql.internal.wire.frontend.Flush;
import io.ysql.internal.wire.frontend.GSSENCRequest;
import io.ysql.internal.wire.frontend.Parse;
import io.ysql.internal.wire.frontend.PasswordMessage;
import io.ysql.internal.wire.frontend.Query;
import io.ysql.internal.wire.frontend.SSLRequest;
import io.ysql.internal.wire.frontend.StartupMessage;
import io.ysql.internal.wire.frontend.Sync;
import io.ysql.internal.wire.frontend.Terminate;
import java.util.function.Function;

/**
 * Decodes what a client sends, for the scripted fake server and for tests. The meaning of a {@code
 * 'p'} message depends on the authentication in progress, so it decodes to a {@link
 * PasswordMessage} holding the raw body, which {@code SASLInitialResponse.decode} and {@code
 * SASLResponse.decode} reinterpret. Every malformed input is a {@link ProtocolViolation}.
 */
public final class FrontendDecoder {
    private FrontendDecoder() {}

    /**
     * Decodes the first packet of a connection: a StartupMessage, SSLRequest, CancelRequest or
     * GSSENCRequest. {@code body} is everything after the int32 length.
     */
    public static FrontendMessage decodeStartup(byte[] body) {
        if (body.length < 4) throw new ProtocolViolation("startup packet truncated: " + body.length + " bytes");
        int code = ByteReader.getInt(body, 0);
        return switch (code) {
            case SSLRequest.CODE -> Framing.decodeBody("SSLRequest", body, 0, body.length, r -> {
                r.skip(4);
                return SSLRequest.INSTANCE;
            });
            case GSSENCRequest.CODE -> Framing.decodeBody("GSSENCRequest", body, 0, body.length, r -> {
                r.skip(4);
                return GSSENCRequest.INSTANCE;
            });
            case CancelRequest.CODE -> Framing.decodeBody("CancelRequest", body, 4, body.length - 4, CancelRequest::decode);
            default -> {
                if (code >>> 16 != 3) {
                    throw new ProtocolViolation("unsupported protocol version " + (code >>> 16) + "." + (code & 0xFFFF));
                }
                yield Framing.decodeBody("StartupMessage", body, 0, body.length, StartupMessage::decode);
            }
        };
    }

    /** Decodes one typed message; {@code body} excludes the type byte and the length. */
    public static FrontendMessage decode(byte tag, byte[] body, int off, int len) {
        return Framing.decodeBody(name(tag), body, off, len, decoder(tag));
    }

    private static Function<ByteReader, FrontendMessage> decoder(byte tag) {
        return switch (tag) {
            case Query.TAG -> Query::decode;
            case Parse.TAG -> Parse::decode;
            case Bind.TAG -> Bind::decode;
            case Describe.TAG -> Describe::decode;
            case Execute.TAG -> Execute::decode;
            case Close.TAG -> Close::decode;
            case Sync.TAG -> r -> Sync.INSTANCE;
            case Flush.TAG -> r -> Flush.INSTANCE;
            case Terminate.TAG -> r -> Terminate.INSTANCE;
            case CopyData.TAG -> CopyData::decode;
            case CopyDone.TAG -> r -> CopyDone.INSTANCE;
            case CopyFail.TAG -> CopyFail::decode;
            case PasswordMessage.TAG -> PasswordMessage::decode;
            default -> throw new ProtocolViolation("unknown frontend message type " + ProtocolViolation.describeByte(tag));
        };
    }

    /** The protocol name of a frontend message type, for error messages. */
    public static String name(byte tag) {
        return switch (tag) {
            case Query.TAG -> "Query";
            case Parse.TAG -> "Parse";
            case Bind.TAG -> "Bind";
            case Describe.TAG -> "Describe";
            case Execute.TAG -> "Execute";
            case Close.TAG -> "Close";
            case Sync.TAG -> "Sync";
            case Flush.TAG -> "Flush";
            case Terminate.TAG -> "Terminate";
            case CopyData.TAG -> "CopyData";
            case CopyDone.TAG -> "CopyDone";
            case CopyFail.TAG -> "CopyFail";
            case PasswordMessage.TAG -> "PasswordMessage";
            case 'F' -> "FunctionCall";
            default -> "unknown message type " + ProtocolViolation.describeByte(tag);
        };
    }
}
