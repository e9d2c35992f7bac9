package io.leasebridge.salesforce.metadata;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the {@code objects} folder of an SFDX source tree: object settings, custom fields, record types and
 * validation rules.
 */
final class SfdxObjects {

    static final String NS = "http://soap.sforce.com/2006/04/metadata";

    private SfdxObjects() {
    }

    /** One object folder as written: settings from its object-meta.xml (absent for most standard objects). */
    record Folder(String name, String label, String nameFieldType, String sharingModel, boolean enableActivities,
                  List<FieldDescription> fields, List<RecordTypeDescription> recordTypes,
                  List<ValidationRuleDescription> validationRules) {
    }

    static List<Folder> read(Path objectsDir) {
        if (!Files.isDirectory(objectsDir)) {
            throw new IllegalArgumentException("no SFDX objects folder at " + objectsDir.toAbsolutePath());
        }
        try (Stream<Path> dirs = Files.list(objectsDir)) {
            return dirs.filter(Files::isDirectory).sorted().map(SfdxObjects::folder).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Folder folder(Path dir) {
        String name = dir.getFileName().toString();
        Path objectFile = dir.resolve(name + ".object-meta.xml");
        String label = null;
        String nameFieldType = null;
        String sharingModel = null;
        boolean enableActivities = false;
        if (Files.exists(objectFile)) {
            Element root = root(objectFile, "CustomObject");
            label = text(root, "label");
            Element nameField = child(root, "nameField");
            nameFieldType = nameField == null ? null : text(nameField, "type");
            sharingModel = text(root, "sharingModel");
            enableActivities = Boolean.parseBoolean(text(root, "enableActivities"));
        }
        List<FieldDescription> fields = files(dir.resolve("fields"), ".field-meta.xml").stream().map(SfdxObjects::field).toList();
        List<RecordTypeDescription> recordTypes = files(dir.resolve("recordTypes"), ".recordType-meta.xml").stream()
                .map(SfdxObjects::recordType).toList();
        List<ValidationRuleDescription> validationRules = files(dir.resolve("validationRules"), ".validationRule-meta.xml").stream()
                .map(SfdxObjects::validationRule).toList();
        return new Folder(name, label, nameFieldType, sharingModel, enableActivities, fields, recordTypes, validationRules);
    }

    static FieldDescription field(Path file) {
        Element root = root(file, "CustomField");
        String type = text(root, "type");
        List<String> values = new ArrayList<>();
        boolean restricted = false;
        Element valueSet = child(root, "valueSet");
        if (valueSet != null) {
            restricted = Boolean.parseBoolean(text(valueSet, "restricted"));
            Element definition = child(valueSet, "valueSetDefinition");
            for (Element value : definition == null ? List.<Element>of() : children(definition, "value")) {
                values.add(text(value, "fullName"));
            }
        }
        String referenceTo = text(root, "referenceTo");
        return new FieldDescription(text(root, "fullName"), text(root, "label"), type, integer(root, "length"),
                integer(root, "precision"), integer(root, "scale"),
                Boolean.parseBoolean(text(root, "required")) || "MasterDetail".equals(type),
                Boolean.parseBoolean(text(root, "unique")), Boolean.parseBoolean(text(root, "externalId")),
                Boolean.parseBoolean(text(root, "caseSensitive")), referenceTo == null ? List.of() : List.of(referenceTo),
                values, restricted, true, Boolean.parseBoolean(text(root, "trackHistory")), true, text(root, "relationshipName"));
    }

    static RecordTypeDescription recordType(Path file) {
        Element root = root(file, "RecordType");
        Map<String, List<String>> picklists = new LinkedHashMap<>();
        for (Element picklist : children(root, "picklistValues")) {
            picklists.put(text(picklist, "picklist"), children(picklist, "values").stream().map(v -> text(v, "fullName")).toList());
        }
        return new RecordTypeDescription(text(root, "fullName"), text(root, "label"), Boolean.parseBoolean(text(root, "active")),
                text(root, "businessProcess"), picklists);
    }

    static ValidationRuleDescription validationRule(Path file) {
        Element root = root(file, "ValidationRule");
        SalesforceFormula condition;
        try {
            condition = SalesforceFormula.parse(text(root, "errorConditionFormula"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": errorConditionFormula: " + e.getMessage(), e);
        }
        return new ValidationRuleDescription(text(root, "fullName"), Boolean.parseBoolean(text(root, "active")), condition,
                text(root, "errorDisplayField"), text(root, "errorMessage"));
    }

    static List<Path> files(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The root element of a metadata file, which must be {@code rootName} in the Metadata API namespace. */
    static Element root(Path file, String rootName) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            Document document = factory.newDocumentBuilder().parse(file.toFile());
            Element root = document.getDocumentElement();
            if (!NS.equals(root.getNamespaceURI()) || !rootName.equals(root.getLocalName())) {
                throw new IllegalArgumentException(file + ": root element is {" + root.getNamespaceURI() + "}"
                        + root.getLocalName() + ", not {" + NS + "}" + rootName);
            }
            return root;
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalArgumentException("cannot parse " + file + ": " + e.getMessage(), e);
        }
    }

    static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element e && NS.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    static String text(Element parent, String name) {
        Element child = child(parent, name);
        return child == null ? null : child.getTextContent().strip();
    }

    private static Integer integer(Element parent, String name) {
        String value = text(parent, name);
        return value == null ? null : Integer.valueOf(value);
    }
}
