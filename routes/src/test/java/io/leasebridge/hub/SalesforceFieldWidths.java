package io.leasebridge.hub;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How much each Salesforce field LeaseBridge writes can hold, read from the shipped SFDX source tree. Standard
 * fields are not in that tree; their sizes are Salesforce's own.
 */
final class SalesforceFieldWidths {

    /** A text field's length, or a number's precision and scale; all null for fields without a size (dates, lookups). */
    record Width(Integer length, Integer precision, Integer scale) {

        static final Width NONE = new Width(null, null, null);

        static Width text(int length) {
            return new Width(length, null, null);
        }

        Integer wholeDigits() {
            return precision == null ? null : precision - scale;
        }
    }

    private static final Map<String, Width> STANDARD = Map.of(
            "Account.Name", Width.text(255),
            "Account.Phone", Width.text(40),
            "Account.BillingStreet", Width.text(255),
            "Account.BillingCity", Width.text(40),
            "Account.BillingState", Width.text(80),
            "Account.BillingPostalCode", Width.text(20));
    /** Salesforce's fixed sizes of the field types that have no {@code <length>}. */
    private static final Map<String, Width> FIXED = Map.of("Email", Width.text(80), "Phone", Width.text(40), "Url", Width.text(255));
    /** A custom object's Name field of type Text. */
    private static final Width NAME = Width.text(80);
    private static final List<String> SIZED_TEXT = List.of("Text", "TextArea", "LongTextArea", "Html");
    private static final List<String> NUMBERS = List.of("Currency", "Number", "Percent");

    private final Map<String, Width> widths = new HashMap<>(STANDARD);
    private final Map<String, String> references = new HashMap<>();

    private SalesforceFieldWidths() {
    }

    static SalesforceFieldWidths read(Path objects) {
        SalesforceFieldWidths metadata = new SalesforceFieldWidths();
        try (Stream<Path> files = Files.walk(objects)) {
            files.filter(Files::isRegularFile).forEach(metadata::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return metadata;
    }

    /** The size of {@code Object.Field}, or empty when the metadata does not define that field. */
    Optional<Width> width(String field) {
        return Optional.ofNullable(widths.get(field));
    }

    /** The object a lookup field ({@code Object.Field__c}) refers to. */
    Optional<String> referenceTo(String field) {
        return Optional.ofNullable(references.get(field));
    }

    private void add(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".field-meta.xml")) {
            String field = file.getParent().getParent().getFileName() + "." + name.substring(0, name.length() - ".field-meta.xml".length());
            Element root = parse(file);
            String type = text(root, "type");
            if (SIZED_TEXT.contains(type)) {
                widths.put(field, Width.text(Integer.parseInt(text(root, "length"))));
            } else if (NUMBERS.contains(type)) {
                widths.put(field, new Width(null, Integer.parseInt(text(root, "precision")), Integer.parseInt(text(root, "scale"))));
            } else {
                widths.put(field, FIXED.getOrDefault(type, Width.NONE));
            }
            if (!text(root, "referenceTo").isEmpty()) {
                references.put(field, text(root, "referenceTo"));
            }
        } else if (name.endsWith(".object-meta.xml")) {
            Element nameField = (Element) parse(file).getElementsByTagName("nameField").item(0);
            if (nameField != null && "Text".equals(text(nameField, "type"))) {
                widths.put(name.substring(0, name.length() - ".object-meta.xml".length()) + ".Name", NAME);
            }
        }
    }

    private static Element parse(Path file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(file.toFile());
            return document.getDocumentElement();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String text(Element element, String tag) {
        NodeList nodes = element.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().strip();
    }
}
