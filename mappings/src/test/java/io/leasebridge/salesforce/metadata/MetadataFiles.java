package io.leasebridge.salesforce.metadata;

import org.w3c.dom.Element;
import org.xml.sax.SAXException;

import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.Validator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One metadata file against its Metadata API type: root element, schema, and a fullName that is the file's name. */
final class MetadataFiles {

    private MetadataFiles() {
    }

    static List<String> problems(Path file, String type, Schema schema) {
        List<String> problems = new ArrayList<>();
        Element root;
        try {
            root = SfdxObjects.root(file, type);
        } catch (IllegalArgumentException e) {
            return List.of(e.getMessage());
        }
        String fullName = SfdxObjects.text(root, "fullName");
        String fileName = file.getFileName().toString();
        String expected = fileName.substring(0, fileName.indexOf('.'));
        if (fullName != null && !fullName.equals(expected)) {
            problems.add(file + ": fullName " + fullName + " is not the file's name " + expected);
        }
        try {
            Validator validator = schema.newValidator();
            validator.validate(new StreamSource(file.toFile()));
        } catch (SAXException e) {
            problems.add(file + ": not a " + type + " of the Metadata API: " + e.getMessage());
        } catch (IOException e) {
            problems.add(file + ": " + e.getMessage());
        }
        return problems;
    }
}
