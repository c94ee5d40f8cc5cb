package io.ysql.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysql.Cursor;
import io.ysql.Ysql;
import io.ysql.YsqlConnection;
import io.ysql.testkit.PgCluster;
import io.ysql.testkit.RequiresServer;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Types;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.Source;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMResult;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.sax.SAXSource;
import javax.xml.transform.stax.StAXSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * {@code json}, {@code jsonb}, {@code jsonpath} and {@code xml} against a real server: strings in
 * both APIs, JSON parameters sent untyped for the server to infer, and JDBC's {@link SQLXML} read
 * and written every way it offers, with external entities never resolved.
 */
class JsonXmlIT {
    private static PgCluster cluster;
    private YsqlConnection conn;

    @BeforeAll
    static void tables() {
        cluster = PgCluster.shared();
        cluster.psql("DROP SCHEMA IF EXISTS json_xml_it CASCADE; CREATE SCHEMA json_xml_it;"
                + "CREATE TABLE json_xml_it.doc (id int PRIMARY KEY, j json, jb jsonb, x xml)");
    }

    @BeforeEach
    void open() throws SQLException {
        conn = Ysql.connect(cluster.conninfo(cluster.superuser(), cluster.superuserPassword()));
        try (Statement s = conn.createStatement()) {
            s.execute("TRUNCATE json_xml_it.doc");
        }
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
    }

    @Test
    void jsonTypesAreStringsAndParametersAreInferred() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO json_xml_it.doc (id, j, jb) VALUES (?, ?, ?)")) {
            ps.setInt(1, 1);
            ps.setObject(2, "{\"a\": [1, 2]}", Types.OTHER);
            ps.setObject(3, "{\"b\": null, \"a\": 1}", Types.OTHER); // setString types it varchar, as pgjdbc
            ps.executeUpdate();
        }
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT j, jb FROM json_xml_it.doc")) {
            rs.next();
            assertThat(rs.getObject(1)).isEqualTo("{\"a\": [1, 2]}");
            assertThat(rs.getObject(2)).isEqualTo("{\"a\": 1, \"b\": null}");
            for (int i = 1; i <= 2; i++) {
                assertThat(rs.getMetaData().getColumnType(i)).isEqualTo(Types.OTHER);
                assertThat(rs.getMetaData().getColumnClassName(i)).isEqualTo("java.lang.String");
            }
        }
        try (Cursor cur = conn.cursor()) {
            cur.execute("SELECT jb -> 'a' FROM json_xml_it.doc WHERE jb @> %s", "{\"a\": 1}");
            assertThat(cur.fetchone().get(0)).isEqualTo("1");
        }
    }

    /** {@code jsonpath} came with PostgreSQL 12. */
    @Test
    @RequiresServer(min = 12)
    void jsonpathIsAString() throws SQLException {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT '$.a[*] ? (@ > 1)'::jsonpath")) {
            rs.next();
            assertThat(rs.getObject(1)).isEqualTo("$.\"a\"[*]?(@ > 1)");
            assertThat(rs.getMetaData().getColumnType(1)).isEqualTo(Types.OTHER);
            assertThat(rs.getMetaData().getColumnClassName(1)).isEqualTo("java.lang.String");
        }
    }

    @Test
    void xmlIsReadOnceAsSqlXml() throws Exception {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT '<a x=\"1\"><b>t</b></a>'::xml, NULL::xml")) {
            rs.next();
            assertThat(rs.getMetaData().getColumnType(1)).isEqualTo(Types.SQLXML);
            assertThat(rs.getMetaData().getColumnClassName(1)).isEqualTo("java.sql.SQLXML");
            SQLXML x = (SQLXML) rs.getObject(1);
            assertThat(x.getString()).isEqualTo("<a x=\"1\"><b>t</b></a>");
            assertThatThrownBy(x::getString).isInstanceOf(SQLException.class);
            assertThat(rs.getSQLXML(2)).isNull();
            assertThat(rs.getObject(2, SQLXML.class)).isNull();
            try (Reader r = rs.getSQLXML(1).getCharacterStream()) {
                assertThat(readAll(r)).isEqualTo("<a x=\"1\"><b>t</b></a>");
            }
            assertThat(new String(rs.getSQLXML(1).getBinaryStream().readAllBytes(), StandardCharsets.UTF_8)).startsWith("<a");
            assertThat(((DOMSource) rs.getSQLXML(1).getSource(null)).getNode()).isInstanceOf(Document.class);
            Document d = (Document) rs.getSQLXML(1).getSource(DOMSource.class).getNode();
            assertThat(d.getDocumentElement().getAttribute("x")).isEqualTo("1");
            assertThat(text(rs.getSQLXML(1).getSource(SAXSource.class))).contains("<b>t</b>");
            assertThat(text(rs.getSQLXML(1).getSource(StreamSource.class))).contains("<b>t</b>");
            XMLStreamReader stax = rs.getSQLXML(1).getSource(StAXSource.class).getXMLStreamReader();
            assertThat(stax.nextTag()).isEqualTo(XMLStreamReader.START_ELEMENT);
            assertThat(stax.getLocalName()).isEqualTo("a");
            SQLXML freed = rs.getSQLXML(1);
            freed.free();
            assertThatThrownBy(freed::getString).isInstanceOf(SQLException.class);
        }
        try (Cursor cur = conn.cursor()) {
            cur.execute("SELECT '<a/>'::xml");
            assertThat(cur.fetchone().get(0)).isEqualTo("<a/>");
        }
    }

    private static String text(Source source) throws Exception {
        StringWriter out = new StringWriter();
        TransformerFactory.newInstance().newTransformer().transform(source, new StreamResult(out));
        return out.toString();
    }

    /** Not a method of Reader in Java 17: reads all characters. */
    private static String readAll(Reader r) throws java.io.IOException {
        StringWriter w = new StringWriter();
        r.transferTo(w);
        return w.toString();
    }

    @Test
    void externalEntitiesAreNeverResolved() throws Exception {
        Path secret = Files.createTempFile("xxe", ".txt");
        Files.writeString(secret, "TOP-SECRET");
        String xml = "<!DOCTYPE a [<!ENTITY e SYSTEM \"" + secret.toUri() + "\">]><a>&e;</a>";
        try (PreparedStatement ps = conn.prepareStatement("SELECT ?::xml")) {
            ps.setString(1, xml);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                for (Class<? extends Source> kind : java.util.List.of(DOMSource.class, SAXSource.class, StAXSource.class)) {
                    String seen;
                    try {
                        seen = kind == StAXSource.class ? staxText(rs.getSQLXML(1).getSource(StAXSource.class))
                                : text(rs.getSQLXML(1).getSource(kind));
                    } catch (Exception refused) {
                        seen = refused.toString();
                    }
                    assertThat(seen).as(kind.getSimpleName()).doesNotContain("TOP-SECRET");
                }
            }
        } finally {
            Files.deleteIfExists(secret);
        }
    }

    private static String staxText(StAXSource source) throws Exception {
        XMLStreamReader r = source.getXMLStreamReader();
        StringBuilder sb = new StringBuilder();
        while (r.hasNext()) {
            if (r.next() == XMLStreamReader.CHARACTERS) sb.append(r.getText());
        }
        return sb.toString();
    }

    @Test
    void createdSqlXmlIsWrittenOnceAndSent() throws Exception {
        SQLXML byString = conn.createSQLXML();
        byString.setString("<s/>");
        assertThatThrownBy(() -> byString.setString("<t/>")).isInstanceOf(SQLException.class);
        SQLXML byWriter = conn.createSQLXML();
        try (Writer w = byWriter.setCharacterStream()) {
            w.write("<w>1</w>");
        }
        SQLXML byStream = conn.createSQLXML();
        byStream.setBinaryStream().write("<o>é</o>".getBytes(StandardCharsets.UTF_8));
        SQLXML byDom = conn.createSQLXML();
        DOMResult dom = byDom.setResult(DOMResult.class);
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        d.appendChild(d.createElement("dom")).setTextContent("x<y");
        dom.setNode(d);
        SQLXML byStreamResult = conn.createSQLXML();
        StreamResult sr = byStreamResult.setResult(StreamResult.class);
        sr.getWriter().write("<sr/>");
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO json_xml_it.doc (id, x) VALUES (?, ?)")) {
            int id = 0;
            for (SQLXML x : java.util.List.of(byString, byWriter, byStream, byDom, byStreamResult)) {
                ps.setInt(1, ++id);
                ps.setSQLXML(2, x);
                ps.executeUpdate();
            }
            ps.setInt(1, ++id);
            ps.setObject(2, conn.createSQLXML());
            assertThatThrownBy(ps::executeUpdate).isInstanceOf(SQLException.class);
        } catch (SQLException expectedFromSetObject) {
            assertThat(expectedFromSetObject.getMessage()).contains("no content");
        }
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT x::text FROM json_xml_it.doc ORDER BY id")) {
            java.util.List<String> got = new java.util.ArrayList<>();
            while (rs.next()) got.add(rs.getString(1));
            assertThat(got).containsExactly("<s/>", "<w>1</w>", "<o>é</o>", "<dom>x&lt;y</dom>", "<sr/>");
        }
        try (PreparedStatement ps = conn.prepareStatement("SELECT ?::text")) {
            SQLXML typed = conn.createSQLXML();
            typed.setString("<t>1</t>");
            ps.setObject(1, typed, Types.SQLXML);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("<t>1</t>");
            }
            ps.setObject(1, "<not xml", Types.SQLXML);
            assertThatThrownBy(ps::executeQuery).isInstanceOf(SQLException.class).hasFieldOrPropertyWithValue("SQLState", "2200N");
        }
    }
}
