package io.leasebridge.salesforce.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The objects and fields of an org that holds LeaseBridge's SFDX metadata: the custom objects, fields and record
 * types of the tree, on top of the standard objects LeaseBridge touches ({@code standard-objects.yml}). Object and
 * field names match ignoring case, as in Salesforce.
 *
 * <pre>{@code
 * OrgMetadata org = OrgMetadata.load(Path.of("config/salesforce/force-app"));
 * org.field("Vehicle__c", "Make__c").length();   // 80
 * }</pre>
 */
public final class OrgMetadata {

    static final String STANDARD_OBJECTS = "standard-objects.yml";
    /** Salesforce keeps the custom fields of Task and Event on Activity. */
    private static final Map<String, String> CUSTOM_FIELDS_FROM = Map.of("Task", "Activity", "Event", "Activity");

    private final Map<String, ObjectDescription> objects;
    private final Map<String, List<ValidationRuleDescription>> validationRules;

    private OrgMetadata(Map<String, ObjectDescription> objects, Map<String, List<ValidationRuleDescription>> validationRules) {
        Map<String, ObjectDescription> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byName.putAll(objects);
        this.objects = Collections.unmodifiableMap(byName);
        Map<String, List<ValidationRuleDescription>> rules = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        rules.putAll(validationRules);
        this.validationRules = Collections.unmodifiableMap(rules);
    }

    /** Reads {@code forceApp}'s {@code main/default/objects} folder and the standard objects' description. */
    public static OrgMetadata load(Path forceApp) {
        return of(SfdxObjects.read(forceApp.resolve("main/default/objects")));
    }

    /**
     * The shipped tree: {@code <leasebridge.config.dir>/salesforce/force-app} when that system property is set (the
     * build sets it for tests), else {@code config/salesforce/force-app} in the working directory or the nearest
     * parent that has one.
     */
    public static Path shippedForceApp() {
        String configDir = System.getProperty("leasebridge.config.dir");
        if (configDir != null && !configDir.isBlank() && !configDir.contains("${")) {
            return Path.of(configDir, "salesforce", "force-app");
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("config/salesforce/force-app");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no Salesforce metadata found: set -Dleasebridge.config.dir or run inside the project");
    }

    /** The org the shipped metadata makes; see {@link #shippedForceApp()}. */
    public static OrgMetadata shipped() {
        return load(shippedForceApp());
    }

    /** The shipped tree and installed packages' trees beside it (an SMS package's objects, say), as one org. */
    public static OrgMetadata shippedWith(Path... packages) {
        List<SfdxObjects.Folder> folders = new ArrayList<>(SfdxObjects.read(shippedForceApp().resolve("main/default/objects")));
        for (Path installed : packages) {
            folders.addAll(SfdxObjects.read(installed.resolve("main/default/objects")));
        }
        return of(folders);
    }

    private static OrgMetadata of(List<SfdxObjects.Folder> folders) {
        JsonNode standard = standardObjects();
        Map<String, SfdxObjects.Folder> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        folders.forEach(f -> byName.put(f.name(), f));

        List<String> withActivities = folders.stream()
                .filter(f -> f.name().endsWith("__c") && f.enableActivities()).map(SfdxObjects.Folder::name).toList();
        Map<String, ObjectDescription> objects = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = standard.path("objects").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = entry.getKey();
            JsonNode object = entry.getValue();
            Map<String, FieldDescription> fields = new LinkedHashMap<>();
            if (object.path("auditFields").asBoolean(true)) {
                addStandard(fields, standard.path("auditFields"), withActivities);
            }
            if (object.path("owned").asBoolean(false)) {
                addStandard(fields, standard.path("ownerField"), withActivities);
            }
            addStandard(fields, object.path("fields"), withActivities);
            SfdxObjects.Folder folder = byName.get(CUSTOM_FIELDS_FROM.getOrDefault(name, name));
            List<RecordTypeDescription> recordTypes = new ArrayList<>();
            if (folder != null) {
                folder.fields().forEach(f -> fields.put(f.name(), f));
            }
            SfdxObjects.Folder own = byName.get(name);
            if (own != null) {
                recordTypes.addAll(own.recordTypes());
            }
            objects.put(name, new ObjectDescription(name, name, false, null, null, true, fields, byFullName(recordTypes)));
        }
        for (SfdxObjects.Folder folder : folders) {
            if (!folder.name().endsWith("__c")) {
                continue;
            }
            Map<String, FieldDescription> fields = new LinkedHashMap<>();
            addStandard(fields, standard.path("auditFields"), withActivities);
            if (!"ControlledByParent".equals(folder.sharingModel())) {
                addStandard(fields, standard.path("ownerField"), withActivities);
            }
            boolean autoNumber = "AutoNumber".equals(folder.nameFieldType());
            fields.put("Name", new FieldDescription("Name", "Name", autoNumber ? "AutoNumber" : "Text", 80, null, null,
                    false, false, false, false, List.of(), List.of(), false, !autoNumber, false, false, null));
            folder.fields().forEach(f -> fields.put(f.name(), f));
            objects.put(folder.name(), new ObjectDescription(folder.name(), folder.label(), true, folder.nameFieldType(),
                    folder.sharingModel(), folder.enableActivities(), fields, byFullName(folder.recordTypes())));
        }
        Map<String, List<ValidationRuleDescription>> rules = new LinkedHashMap<>();
        folders.stream().filter(f -> !f.validationRules().isEmpty()).forEach(f -> rules.put(f.name(), f.validationRules()));
        return new OrgMetadata(objects, rules);
    }

    private static Map<String, RecordTypeDescription> byFullName(List<RecordTypeDescription> recordTypes) {
        Map<String, RecordTypeDescription> byName = new LinkedHashMap<>();
        recordTypes.forEach(r -> byName.put(r.fullName(), r));
        return byName;
    }

    private static void addStandard(Map<String, FieldDescription> fields, JsonNode described, List<String> withActivities) {
        for (Iterator<Map.Entry<String, JsonNode>> it = described.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode f = entry.getValue();
            List<String> referenceTo = new ArrayList<>(strings(f.path("referenceTo")));
            if (f.path("activities").asBoolean(false)) {
                referenceTo.addAll(withActivities);
            }
            fields.put(entry.getKey(), new FieldDescription(entry.getKey(), f.path("label").asText(null), f.path("type").asText(),
                    f.hasNonNull("length") ? f.get("length").asInt() : null, f.hasNonNull("precision") ? f.get("precision").asInt() : null,
                    f.hasNonNull("scale") ? f.get("scale").asInt() : null, f.path("required").asBoolean(false),
                    false, false, false, referenceTo, strings(f.path("picklist")), false,
                    f.path("updateable").asBoolean(true), false, false, null));
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static JsonNode standardObjects() {
        try (InputStream in = OrgMetadata.class.getResourceAsStream(STANDARD_OBJECTS)) {
            if (in == null) {
                throw new IllegalStateException("no " + STANDARD_OBJECTS + " next to " + OrgMetadata.class.getName());
            }
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Map<String, ObjectDescription> objects() {
        return objects;
    }

    /** The object of that name, ignoring case; null when the org has none. */
    public ObjectDescription object(String name) {
        return objects.get(name);
    }

    /** The validation rules of an object, active or not, in file-name order (the order Salesforce reports in is its own). */
    public List<ValidationRuleDescription> validationRules(String object) {
        return validationRules.getOrDefault(object, List.of());
    }

    /** The field of an object; null when either does not exist. */
    public FieldDescription field(String object, String field) {
        ObjectDescription o = objects.get(object);
        return o == null ? null : o.field(field);
    }
}
