package io.ysql.internal.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLXML;
import javax.xml.transform.Source;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.sax.SAXSource;
import javax.xml.transform.stream.StreamResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcSqlXmlTest {

    private static String text(Source source) throws Exception {
        StringWriter out = new StringWriter();
        TransformerFactory.newInstance().newTransformer().transform(source, new StreamResult(out));
        return out.toString();
    }

    @Test
    void externalEntitiesAreNotResolved(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET");
        String xml = "<!DOCTYPE a [<!ENTITY e SYSTEM \"" + secret.toUri() + "\">]><a>&e;</a>";
        for (Class<? extends Source> kind : java.util.List.of(DOMSource.class, SAXSource.class)) {
            String seen;
            try {
                seen = text(JdbcSqlXml.readable(xml).getSource(kind));
            } catch (Exception refused) {
                seen = refused.toString();
            }
            assertThat(seen).as(kind.getSimpleName()).doesNotContain("TOP-SECRET");
        }
    }

    @Test
    void readsOnceAndWritesOnce() throws SQLException {
        SQLXML r = JdbcSqlXml.readable("<a/>");
        assertThatThrownBy(() -> r.setString("<b/>")).isInstanceOf(SQLException.class);
        assertThat(r.getString()).isEqualTo("<a/>");
        assertThatThrownBy(r::getString).isInstanceOf(SQLException.class).hasMessageContaining("read already");
        JdbcSqlXml w = JdbcSqlXml.writable();
        assertThatThrownBy(w::textToSend).hasMessageContaining("no content");
        assertThatThrownBy(w::getString).isInstanceOf(SQLException.class);
        w.setString("<b/>");
        assertThatThrownBy(() -> w.setString("<c/>")).hasMessageContaining("written already");
        assertThat(w.textToSend()).isEqualTo("<b/>");
        w.free();
        assertThatThrownBy(w::textToSend).hasMessageContaining("freed");
    }
}
