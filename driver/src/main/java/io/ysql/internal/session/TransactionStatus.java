package io.ysql.internal.session;

/** The transaction status the server reports in every ReadyForQuery. */
public enum TransactionStatus {
    /** Not in a transaction block. */
    IDLE,
    /** In a transaction block. */
    IN_TRANSACTION,
    /** In a failed transaction block: queries are refused until it ends. */
    FAILED;

    static TransactionStatus of(byte status) {
        return switch (status) {
            case 'T' -> IN_TRANSACTION;
            case 'E' -> FAILED;
            default -> IDLE;
        };
    }
}
