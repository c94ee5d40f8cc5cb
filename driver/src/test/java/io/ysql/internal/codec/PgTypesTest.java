package io.ysql.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Types;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PgTypesTest {

    @Test
    void builtInTypesCarryNameArrayAndJdbcMapping() {
        PgType int4 = PgTypes.byOid(23);
        assertThat(int4.name()).isEqualTo("int4");
        assertThat(int4.arrayOid()).isEqualTo(1007);
        assertThat(int4.sqlType()).isEqualTo(Types.INTEGER);
        assertThat(int4.javaClassName()).isEqualTo("java.lang.Integer");
        assertThat(PgTypes.byOid(21).javaClassName()).isEqualTo("java.lang.Integer");
        assertThat(PgTypes.byOid(16).sqlType()).isEqualTo(Types.BIT);
        assertThat(PgTypes.byOid(1043).name()).isEqualTo("varchar");
        assertThat(PgTypes.byOid(1184).sqlType()).isEqualTo(Types.TIMESTAMP);
        assertThat(PgTypes.byOid(2950).javaClassName()).isEqualTo("java.util.UUID");
        assertThat(PgTypes.byOid(17).javaClassName()).isEqualTo("[B");
    }

    @Test
    void everyRequiredTypeIsKnown() {
        int[] required = {16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 30, 114, 142, 650, 700, 701, 705, 790, 829, 869,
            1042, 1043, 1082, 1083, 1114, 1184, 1186, 1266, 1560, 1562, 1700, 2205, 2249, 2278, 2950, 3802,
            1000, 1007, 1009, 1015, 1016, 1022, 1231};
        for (int oid : required) assertThat(PgTypes.isBuiltIn(oid)).as("oid %d", oid).isTrue();
    }

    @Test
    void arrayTypesPointToTheirElement() {
        PgType textArray = PgTypes.byOid(1009);
        assertThat(textArray.name()).isEqualTo("_text");
        assertThat(textArray.isArray()).isTrue();
        assertThat(textArray.elementOid()).isEqualTo(25);
        assertThat(textArray.sqlType()).isEqualTo(Types.ARRAY);
        assertThat(PgTypes.byOid(1231).name()).isEqualTo("_numeric");
        assertThat(PgTypes.byName("_int4")).map(PgType::oid).contains(1007);
        assertThat(PgTypes.byName("timestamptz")).map(PgType::oid).contains(1184);
        assertThat(PgTypes.byName("no_such_type")).isEmpty();
    }

    @Test
    void unknownOidIsAGenericTextType() {
        PgType t = PgTypes.byOid(987654);
        assertThat(PgTypes.isBuiltIn(987654)).isFalse();
        assertThat(t.oid()).isEqualTo(987654);
        assertThat(t.sqlType()).isEqualTo(Types.OTHER);
        assertThat(t.javaClassName()).isEqualTo("java.lang.String");
        assertThat(t.binary()).isFalse();
        assertThat(PgTypes.byOid(-1).sqlType()).isEqualTo(Types.OTHER);
    }

    @Test
    void binaryResultsAreTheTypesWhoseBinaryFormatTheCodecsRead() {
        String binary = PgTypes.all().stream().filter(t -> !t.isArray() && PgTypes.binaryResult(t.oid()))
            .map(PgType::name).sorted().collect(Collectors.joining(","));
        assertThat(binary).isEqualTo("bit,bool,box,bytea,cidr,circle,date,datemultirange,daterange,float4,float8,inet,"
            + "int2,int4,int4multirange,int4range,int8,int8multirange,int8range,interval,line,lseg,macaddr,macaddr8,"
            + "numeric,nummultirange,numrange,oid,path,point,polygon,time,timestamp,timestamptz,timetz,tsmultirange,tsrange,"
            + "tstzmultirange,tstzrange,uuid,varbit");
        assertThat(PgTypes.binaryResult(0)).isFalse();
        assertThat(PgTypes.binaryResult(123456)).isFalse();
        assertThat(CodecRegistry.DEFAULT.resultFormat(23)).isEqualTo(FormatCode.BINARY);
        assertThat(CodecRegistry.DEFAULT.resultFormat(1700)).isEqualTo(FormatCode.BINARY);
        assertThat(CodecRegistry.DEFAULT.resultFormat(Oids.TIMESTAMPTZ)).isEqualTo(FormatCode.BINARY);
    }

    @Test
    void namesAndOidsAreUnique() {
        var all = PgTypes.all();
        assertThat(all.stream().map(PgType::name).distinct().count()).isEqualTo(all.size());
        assertThat(all.stream().map(PgType::oid).distinct().count()).isEqualTo(all.size());
    }
}
