package io.ysql.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysql.internal.buffer.ByteWriter;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The COPY row formats without a server: text escapes and {@code \N}, CSV quoting, the binary
 * header, fields and trailer, each written and read back; the server's own octal and hex escapes;
 * and which statements ask for CSV.
 */
class CopyRowsTest {
    private final CopyValues values = new CopyValues(new ParameterEncoder(), new ValueDecoder());

    @Test
    void textEscapesBackslashTabNewlineAndCarriageReturnAndWritesNullAsBackslashN() throws SQLException {
        String line = write(CopyFormat.TEXT, new int[0], 1, "a\tb\nc\rd\\e", null, "ü");
        assertThat(line).isEqualTo("1\ta\\tb\\nc\\rd\\\\e\t\\N\tü\n");
        assertThat(read(CopyFormat.TEXT, new int[0], line)).containsExactly("1", "a\tb\nc\rd\\e", null, "ü");
    }

    @Test
    void textReadsTheServersOtherEscapes() throws SQLException {
        assertThat(read(CopyFormat.TEXT, new int[0], "\\101\\x42\\b\\f\\v\\q\t\t\n"))
                .containsExactly("AB\b\f\u000bq", "", "");
    }

    @Test
    void csvQuotesEveryValueAndLeavesNullEmpty() throws SQLException {
        String line = write(CopyFormat.CSV, new int[0], "say \"hi\", ok", null, "", 5);
        assertThat(line).isEqualTo("\"say \"\"hi\"\", ok\",,\"\",\"5\"\n");
        assertThat(read(CopyFormat.CSV, new int[0], line)).containsExactly("say \"hi\", ok", null, "", "5");
        assertThat(read(CopyFormat.CSV, new int[0], "1,plain,\"a\nb\"\n")).containsExactly("1", "plain", "a\nb");
    }

    @Test
    void textDecodesAsTheGivenTypes() throws SQLException {
        int[] types = {Oids.INT8, Oids.DATE, Oids.BOOL};
        assertThat(read(CopyFormat.TEXT, types, "9000000000\t2024-02-29\tt\n"))
                .containsExactly(9_000_000_000L, LocalDate.of(2024, 2, 29), true);
    }

    @Test
    void binaryWritesHeaderFieldsAndTrailerAndReadsThemBack() throws SQLException {
        int[] types = {Oids.INT8, Oids.TEXT, Oids.INT2};
        CopyRowWriter w = new CopyRowWriter(CopyFormat.BINARY, values, types);
        ByteWriter out = new ByteWriter();
        w.writeRow(out, new Object[] {7, "x", null}); // an Integer for an int8 column is converted
        byte[] first = out.toByteArray();
        assertThat(first).startsWith(CopyRowWriter.signature());
        out.reset();
        w.writeRow(out, new Object[] {8L, "", 3});
        w.writeEnd(out);
        byte[] rest = out.toByteArray();
        assertThat(rest).endsWith(0xff, 0xff);
        assertThat(first.length).isEqualTo(11 + 4 + 4 + 2 + (4 + 8) + (4 + 1) + 4);
        CopyRowReader r = new CopyRowReader(CopyFormat.BINARY, values, types);
        assertThat(r.read(first)).containsExactly(7L, "x", null);
        byte[] second = java.util.Arrays.copyOf(rest, rest.length - 2);
        assertThat(r.read(second)).containsExactly(8L, "", 3);
        assertThat(r.read(new byte[] {(byte) 0xff, (byte) 0xff})).isNull();
    }

    @Test
    void binaryRefusesAValueThatIsNotOfItsColumnsType() {
        CopyRowWriter w = new CopyRowWriter(CopyFormat.BINARY, values, new int[] {Oids.INT4});
        assertThatThrownBy(() -> w.writeRow(new ByteWriter(), new Object[] {"not a number"}))
                .isInstanceOf(SQLException.class);
    }

    @Test
    void aRowOfTheWrongLengthIsRefusedWhenTheTypesAreKnown() {
        CopyRowWriter w = new CopyRowWriter(CopyFormat.TEXT, values, new int[] {Oids.INT4, Oids.TEXT});
        assertThatThrownBy(() -> w.writeRow(new ByteWriter(), new Object[] {1}))
                .isInstanceOf(SQLException.class).hasMessageContaining("1 values but the COPY has 2 columns");
    }

    @Test
    void csvIsRecognisedAsAWordOutsideQuotes() {
        assertThat(CopyFormat.of("COPY t FROM STDIN (FORMAT csv)", false)).isEqualTo(CopyFormat.CSV);
        assertThat(CopyFormat.of("copy t from stdin with csv header", false)).isEqualTo(CopyFormat.CSV);
        assertThat(CopyFormat.of("COPY \"csv\" FROM STDIN", false)).isEqualTo(CopyFormat.TEXT);
        assertThat(CopyFormat.of("COPY t FROM STDIN (DELIMITER ',' , NULL 'csv')", false)).isEqualTo(CopyFormat.TEXT);
        assertThat(CopyFormat.of("COPY csv_data FROM STDIN", false)).isEqualTo(CopyFormat.TEXT);
        assertThat(CopyFormat.of("COPY t FROM STDIN (FORMAT csv)", true)).isEqualTo(CopyFormat.BINARY);
    }

    private String write(CopyFormat format, int[] types, Object... row) throws SQLException {
        ByteWriter out = new ByteWriter();
        new CopyRowWriter(format, values, types).writeRow(out, row);
        return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }

    private Object[] read(CopyFormat format, int[] types, String line) throws SQLException {
        return new CopyRowReader(format, values, types).read(line.getBytes(StandardCharsets.UTF_8));
    }
}
