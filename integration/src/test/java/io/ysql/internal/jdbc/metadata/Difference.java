package io.ysql.internal.jdbc.metadata;

/**
 * One way this driver's {@code DatabaseMetaData} answer differs from pgjdbc's: the method (with
 * a qualifier when it is called more than one way), the result column ({@code *} for the whole
 * result, {@code -} for a scalar method), the kind ({@code label}, {@code type}, {@code value},
 * {@code rows}, {@code columns}, {@code throws}) and a human description of the two answers.
 */
record Difference(String method, String column, String kind, String detail) {
    /** What the allow-list names: method, column and kind. */
    String key() {
        return method + " / " + column + " / " + kind;
    }

    @Override
    public String toString() {
        return key() + ": " + detail;
    }
}
