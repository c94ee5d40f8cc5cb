package io.ysql.internal.wire;

import io.ysql.internal.buffer.ByteReader;
import io.ysql.internal.wire.backend.AuthenticationCleartextPassword;
import io.ysql.internal.wire.backend.AuthenticationMD5Password;
import io.ysql.internal.wire.backend.AuthenticationOk;
import io.ysql.internal.wire.backend.AuthenticationSASL;
import io.ysql.internal.wire.backend.AuthenticationSASLContinue;
import io.ysql.internal.wire.backend.AuthenticationSASLFinal;
import io.ysql.internal.wire.backend.AuthenticationUnsupported;
import io.ysql.internal.wire.backend.BackendKeyData;
import io.ysql.internal.wire.backend.BindComplete;
import io.ysql.internal.wire.backend.CloseComplete;
import io.ysql.internal.wire.backend.CommandComplete;
import io.ysql.internal.wire.backend.CopyBothResponse;
import io.ysql.internal.wire.backend.CopyInResponse;
import io.ysql.internal.wire.backend.CopyOutResponse;
import io.ysql.internal.wire.backend.DataRow;
import io.ysql.internal.wire.backend.EmptyQueryResponse;
import io.ysql.internal.wire.backend.ErrorResponse;
import io.ysql.internal.wire.backend.NegotiateProtocolVersion;
import io.ysql.internal.wire.backend.NoData;
import io.ysql.internal.wire.backend.NoticeResponse;
import io.ysql.internal.wire.backend.NotificationResponse;
import io.ysql.internal.wire.backend.ParameterDescription;
import io.ysql.internal.wire.backend.ParameterStatus;
import io.ysql.internal.wire.backend.ParseComplete;
import io.ysql.internal.wire.backend.PortalSuspended;
import io.ysql.internal.wire.backend.ReadyForQuery;
import io.ysql.internal.wire.backend.RowDescription;
import java.util.function.Function;

/**
 * The one switch from a backend message's type byte to its record. It validates fully: an unknown
 * type, a truncated body, a value out of its domain or trailing bytes are {@link
 * ProtocolViolation}s. DataRow, the message that comes by the million, is decoded directly over the
 * caller's array.
 */
public final class BackendDecoder {
    private BackendDecoder() {}

    /**
     * Decodes one message; {@code body[off .. off+len)} excludes the type byte and the length.
     * A DataRow keeps a reference to {@code body}; other messages copy what they keep.
     */
    public static BackendMessage decode(byte tag, byte[] body, int off, int len) {
        if (tag == DataRow.TAG) return DataRow.decode(body, off, len);
        return Framing.decodeBody(name(tag), body, off, len, decoder(tag));
    }

    private static Function<ByteReader, BackendMessage> decoder(byte tag) {
        return switch (tag) {
            case 'R' -> BackendDecoder::authentication;
            case BackendKeyData.TAG -> BackendKeyData::decode;
            case ParameterStatus.TAG -> ParameterStatus::decode;
            case ReadyForQuery.TAG -> ReadyForQuery::decode;
            case RowDescription.TAG -> RowDescription::decode;
            case CommandComplete.TAG -> CommandComplete::decode;
            case ErrorResponse.TAG -> ErrorResponse::decode;
            case NoticeResponse.TAG -> NoticeResponse::decode;
            case NotificationResponse.TAG -> NotificationResponse::decode;
            case ParameterDescription.TAG -> ParameterDescription::decode;
            case CopyInResponse.TAG -> CopyInResponse::decode;
            case CopyOutResponse.TAG -> CopyOutResponse::decode;
            case CopyBothResponse.TAG -> CopyBothResponse::decode;
            case CopyData.TAG -> CopyData::decode;
            case NegotiateProtocolVersion.TAG -> NegotiateProtocolVersion::decode;
            case ParseComplete.TAG -> r -> ParseComplete.INSTANCE;
            case BindComplete.TAG -> r -> BindComplete.INSTANCE;
            case CloseComplete.TAG -> r -> CloseComplete.INSTANCE;
            case NoData.TAG -> r -> NoData.INSTANCE;
            case EmptyQueryResponse.TAG -> r -> EmptyQueryResponse.INSTANCE;
            case PortalSuspended.TAG -> r -> PortalSuspended.INSTANCE;
            case CopyDone.TAG -> r -> CopyDone.INSTANCE;
            default -> throw new ProtocolViolation("unknown backend message type " + ProtocolViolation.describeByte(tag));
        };
    }

    private static BackendMessage authentication(ByteReader r) {
        int code = r.readInt();
        return switch (code) {
            case AuthenticationOk.CODE -> AuthenticationOk.INSTANCE;
            case AuthenticationCleartextPassword.CODE -> AuthenticationCleartextPassword.INSTANCE;
            case AuthenticationMD5Password.CODE -> AuthenticationMD5Password.decode(r);
            case AuthenticationSASL.CODE -> AuthenticationSASL.decode(r);
            case AuthenticationSASLContinue.CODE -> AuthenticationSASLContinue.decode(r);
            case AuthenticationSASLFinal.CODE -> AuthenticationSASLFinal.decode(r);
            default -> AuthenticationUnsupported.decode(code, r);
        };
    }

    /** The protocol name of a backend message type, for error messages. */
    public static String name(byte tag) {
        return switch (tag) {
            case 'R' -> "Authentication";
            case BackendKeyData.TAG -> "BackendKeyData";
            case ParameterStatus.TAG -> "ParameterStatus";
            case ReadyForQuery.TAG -> "ReadyForQuery";
            case RowDescription.TAG -> "RowDescription";
            case DataRow.TAG -> "DataRow";
            case CommandComplete.TAG -> "CommandComplete";
            case ErrorResponse.TAG -> "ErrorResponse";
            case NoticeResponse.TAG -> "NoticeResponse";
            case NotificationResponse.TAG -> "NotificationResponse";
            case ParameterDescription.TAG -> "ParameterDescription";
            case CopyInResponse.TAG -> "CopyInResponse";
            case CopyOutResponse.TAG -> "CopyOutResponse";
            case CopyBothResponse.TAG -> "CopyBothResponse";
            case CopyData.TAG -> "CopyData";
            case CopyDone.TAG -> "CopyDone";
            case NegotiateProtocolVersion.TAG -> "NegotiateProtocolVersion";
            case ParseComplete.TAG -> "ParseComplete";
            case BindComplete.TAG -> "BindComplete";
            case CloseComplete.TAG -> "CloseComplete";
            case NoData.TAG -> "NoData";
            case EmptyQueryResponse.TAG -> "EmptyQueryResponse";
            case PortalSuspended.TAG -> "PortalSuspended";
            case 'V' -> "FunctionCallResponse";
            default -> "unknown message type " + ProtocolViolation.describeByte(tag);
        };
    }
}
