package io.ysql.internal.jdbc;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;

/**
 * Parser settings that keep XML read from the server from reaching outside the document: no
 * external general or parameter entities, no external DTD loading, no XInclude, secure processing
 * on (which also bounds entity expansion). Internal DTD subsets stay allowed, as they are valid
 * in {@code xml} values.
 */
final class SafeXml {
    private SafeXml() {}

    private static final String GENERAL = "http://xml.org/sax/features/external-general-entities";
    private static final String PARAMETER = "http://xml.org/sax/features/external-parameter-entities";
    private static final String LOAD_DTD = "http://apache.org/xml/features/nonvalidating/load-external-dtd";

    static void harden(DocumentBuilderFactory f) throws ParserConfigurationException {
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature(GENERAL, false);
        f.setFeature(PARAMETER, false);
        f.setFeature(LOAD_DTD, false);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
    }

    static void harden(SAXParserFactory f)
            throws ParserConfigurationException, SAXNotRecognizedException, SAXNotSupportedException {
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature(GENERAL, false);
        f.setFeature(PARAMETER, false);
        f.setFeature(LOAD_DTD, false);
        f.setXIncludeAware(false);
    }
}
