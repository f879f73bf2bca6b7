package io.handbill.render;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.util.regex.Pattern;

/** A small wrapper over the JDK's XML writer: it escapes markup, and drops characters XML 1.0 cannot carry. */
final class XmlText implements AutoCloseable {
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();
    private static final Pattern NOT_XML = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]");

    private final StringWriter buffer = new StringWriter(8 * 1024);
    private final XMLStreamWriter xml;

    XmlText() {
        try {
            xml = FACTORY.createXMLStreamWriter(buffer);
            xml.writeStartDocument("UTF-8", "1.0");
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    XmlText start(String name) {
        return run(() -> xml.writeStartElement(name));
    }

    XmlText startRoot(String name, String namespace) {
        return run(() -> {
            xml.writeStartElement(name);
            xml.writeDefaultNamespace(namespace);
        });
    }

    XmlText attribute(String name, String value) {
        return run(() -> xml.writeAttribute(name, clean(value)));
    }

    XmlText end() {
        return run(xml::writeEndElement);
    }

    XmlText text(String text) {
        return run(() -> xml.writeCharacters(clean(text)));
    }

    /** {@code <name>text</name>}. */
    XmlText element(String name, String text) {
        return run(() -> {
            xml.writeStartElement(name);
            xml.writeCharacters(clean(text));
            xml.writeEndElement();
        });
    }

    /** {@code <name a="v" .../>}. */
    XmlText empty(String name, String... attributes) {
        return run(() -> {
            xml.writeEmptyElement(name);
            for (int i = 0; i < attributes.length; i += 2) {
                xml.writeAttribute(attributes[i], clean(attributes[i + 1]));
            }
        });
    }

    @Override
    public void close() {
        run(xml::writeEndDocument);
    }

    @Override
    public String toString() {
        run(xml::flush);
        return buffer.toString();
    }

    private static String clean(String text) {
        return text == null ? "" : NOT_XML.matcher(text).replaceAll("");
    }

    private XmlText run(XmlStep step) {
        try {
            step.run();
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface XmlStep {
        void run() throws XMLStreamException;
    }
}
