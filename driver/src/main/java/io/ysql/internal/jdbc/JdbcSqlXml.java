package io.ysql.internal.jdbc;

import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLXML;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Result;
import javax.xml.transform.Source;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMResult;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.sax.SAXResult;
import javax.xml.transform.sax.SAXSource;
import javax.xml.transform.sax.SAXTransformerFactory;
import javax.xml.transform.sax.TransformerHandler;
import javax.xml.transform.stax.StAXResult;
import javax.xml.transform.stax.StAXSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * {@link SQLXML} over an {@code xml} value's text. A value read from a result is readable once
 * (string, reader, stream or a {@link Source}); one made by {@code createSQLXML} is writable once
 * (string, writer, stream or a {@link Result}) and is then sent by {@code setSQLXML}. Parsing for
 * {@code getSource} never resolves external entities or loads external DTDs, so a value cannot
 * make the client read files or the network. After {@link #free()} every method fails.
 */
final class JdbcSqlXml implements SQLXML {
    private enum State { READABLE, WRITABLE, WRITTEN, CONSUMED, FREED }

    private State state;
    private String text;
    private StringWriter writer;
    private ByteArrayOutputStream bytes;
    private DOMResult dom;

    private JdbcSqlXml(State state, String text) {
        this.state = state;
        this.text = text;
    }

    static JdbcSqlXml readable(String text) { return new JdbcSqlXml(State.READABLE, text); }

    static JdbcSqlXml writable() { return new JdbcSqlXml(State.WRITABLE, null); }

    // ---- reading ---------------------------------------------------------------------------

    @Override
    public String getString() throws SQLException {
        return take();
    }

    @Override
    public Reader getCharacterStream() throws SQLException {
        return new StringReader(take());
    }

    @Override
    public InputStream getBinaryStream() throws SQLException {
        return new ByteArrayInputStream(take().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends Source> T getSource(Class<T> sourceClass) throws SQLException {
        String xml = take();
        try {
            if (sourceClass == null || sourceClass == DOMSource.class) {
                DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
                f.setNamespaceAware(true);
                SafeXml.harden(f);
                return (T) new DOMSource(f.newDocumentBuilder().parse(new InputSource(new StringReader(xml))));
            }
            if (sourceClass == StreamSource.class) return (T) new StreamSource(new StringReader(xml));
            if (sourceClass == SAXSource.class) {
                SAXParserFactory f = SAXParserFactory.newInstance();
                f.setNamespaceAware(true);
                SafeXml.harden(f);
                XMLReader reader = f.newSAXParser().getXMLReader();
                return (T) new SAXSource(reader, new InputSource(new StringReader(xml)));
            }
            if (sourceClass == StAXSource.class) {
                XMLInputFactory f = XMLInputFactory.newFactory();
                f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
                f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
                return (T) new StAXSource(f.createXMLStreamReader(new StringReader(xml)));
            }
        } catch (Exception e) {
            throw SqlExceptions.of(SqlState.INVALID_XML_DOCUMENT, "the xml value cannot be parsed: " + e.getMessage(), e);
        }
        throw SqlExceptions.of(SqlState.FEATURE_NOT_SUPPORTED, "getSource supports DOMSource, SAXSource, StAXSource and "
                + "StreamSource, not " + sourceClass.getName());
    }

    /** The text, once: a readable value becomes consumed. */
    private String take() throws SQLException {
        check();
        if (state != State.READABLE) {
            throw SqlExceptions.of(SqlState.INVALID_PARAMETER_VALUE, state == State.CONSUMED
                    ? "this SQLXML value was read already; it can be read once" : "this SQLXML value is not readable: "
                    + "it was made by createSQLXML to be written and sent with setSQLXML");
        }
        state = State.CONSUMED;
        return text;
    }

    // ---- writing ---------------------------------------------------------------------------

    @Override
    public void setString(String value) throws SQLException {
        startWriting();
        text = value;
    }

    @Override
    public Writer setCharacterStream() throws SQLException {
        startWriting();
        writer = new StringWriter();
        return writer;
    }

    @Override
    public OutputStream setBinaryStream() throws SQLException {
        startWriting();
        bytes = new ByteArrayOutputStream();
        return bytes;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends Result> T setResult(Class<T> resultClass) throws SQLException {
        startWriting();
        try {
            if (resultClass == null || resultClass == DOMResult.class) {
                dom = new DOMResult();
                return (T) dom;
            }
            writer = new StringWriter();
            if (resultClass == StreamResult.class) return (T) new StreamResult(writer);
            if (resultClass == SAXResult.class) {
                SAXTransformerFactory f = (SAXTransformerFactory) TransformerFactory.newInstance();
                TransformerHandler handler = f.newTransformerHandler();
                handler.setResult(new StreamResult(writer));
                return (T) new SAXResult(handler);
            }
            if (resultClass == StAXResult.class) {
                return (T) new StAXResult(XMLOutputFactory.newFactory().createXMLStreamWriter(writer));
            }
        } catch (Exception e) {
            throw SqlExceptions.of(SqlState.INVALID_XML_DOCUMENT, "cannot make an XML result: " + e.getMessage(), e);
        }
        state = State.WRITABLE;
        throw SqlExceptions.of(SqlState.FEATURE_NOT_SUPPORTED, "setResult supports DOMResult, SAXResult, StAXResult and "
                + "StreamResult, not " + resultClass.getName());
    }

    private void startWriting() throws SQLException {
        check();
        if (state != State.WRITABLE) {
            throw SqlExceptions.of(SqlState.INVALID_PARAMETER_VALUE, state == State.WRITTEN
                    ? "this SQLXML value was written already; it can be written once"
                    : "this SQLXML value holds a value read from the server and is not writable; use createSQLXML");
        }
        state = State.WRITTEN;
    }

    /** The text to send for {@code setSQLXML}: what was written, or a readable value's text. */
    String textToSend() throws SQLException {
        check();
        if (state == State.READABLE || state == State.CONSUMED) return text;
        if (state == State.WRITABLE) {
            throw SqlExceptions.of(SqlState.INVALID_PARAMETER_VALUE, "this SQLXML value has no content; set it first");
        }
        if (writer != null) return writer.toString();
        if (bytes != null) return bytes.toString(StandardCharsets.UTF_8);
        if (dom != null) return serialize(dom);
        return text;
    }

    private static String serialize(DOMResult result) throws SQLException {
        if (result.getNode() == null) throw SqlExceptions.of(SqlState.INVALID_PARAMETER_VALUE, "the DOMResult holds no document");
        try {
            TransformerFactory f = TransformerFactory.newInstance();
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer t = f.newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            t.transform(new DOMSource(result.getNode()), new StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            throw SqlExceptions.of(SqlState.INVALID_XML_DOCUMENT, "the DOM document cannot be written as text: " + e.getMessage(), e);
        }
    }

    // ---- lifecycle -------------------------------------------------------------------------

    @Override
    public void free() {
        state = State.FREED;
        text = null;
        writer = null;
        bytes = null;
        dom = null;
    }

    private void check() throws SQLException {
        if (state == State.FREED) throw SqlExceptions.of(SqlState.INVALID_PARAMETER_VALUE, "this SQLXML value was freed");
    }

    @Override
    public String toString() { return "SQLXML[" + state.name().toLowerCase(java.util.Locale.ROOT) + "]"; }
}
