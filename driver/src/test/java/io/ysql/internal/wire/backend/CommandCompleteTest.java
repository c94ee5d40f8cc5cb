package io.ysql.internal.wire.backend;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command word and row count read from command tags. */
class CommandCompleteTest {

    @ParameterizedTest
    @CsvSource({
            "INSERT 0 5, INSERT, 5",
            "UPDATE 3, UPDATE, 3",
            "DELETE 0, DELETE, 0",
            "SELECT 10, SELECT, 10",
            "CREATE TABLE, CREATE, -1",
            "COPY 7, COPY, 7",
            "MERGE 2, MERGE, 2",
            "FETCH 100, FETCH, 100",
            "MOVE 4, MOVE, 4",
            "SELECT 4000000000, SELECT, 4000000000",
            "BEGIN, BEGIN, -1",
            "SET, SET, -1",
            "DROP TABLE, DROP, -1",
            "SELECT, SELECT, -1",
            "SELECT x, SELECT, -1",
            "SELECT 99999999999999999999, SELECT, -1"})
    void readsCommandAndRowCount(String tag, String command, long rowCount) {
        CommandComplete c = new CommandComplete(tag);
        assertThat(c.command()).isEqualTo(command);
        assertThat(c.rowCount()).isEqualTo(rowCount);
    }
}
