package io.leasebridge.salesforce.metadata;

import org.w3c.dom.Element;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Cross-file checks of an SFDX tree: what one file names must exist in the org the tree makes. */
final class MetadataChecks {

    /** Related lists every layout may show without a lookup of the tree. */
    private static final Set<String> STANDARD_RELATED_LISTS = Set.of("RelatedActivityList", "RelatedHistoryList",
            "RelatedNoteList", "RelatedFileList");

    private MetadataChecks() {
    }

    /** A Case record type needs a support process, or the deploy is refused. */
    static List<String> recordTypesWithoutProcess(Path forceApp, OrgMetadata org) {
        List<String> problems = new ArrayList<>();
        for (RecordTypeDescription recordType : org.object("Case").recordTypes().values()) {
            String process = recordType.businessProcess();
            if (process == null) {
                problems.add("Case." + recordType.fullName() + ": a Case record type needs a businessProcess");
            } else if (!Files.exists(objects(forceApp).resolve("Case/businessProcesses/" + process + ".businessProcess-meta.xml"))) {
                problems.add("Case." + recordType.fullName() + ": no business process " + process + " in the tree");
            }
        }
        return problems;
    }

    static List<String> lookupsToMissingObjects(OrgMetadata org) {
        List<String> problems = new ArrayList<>();
        org.objects().values().forEach(o -> o.fields().values().stream().filter(FieldDescription::custom)
                .filter(FieldDescription::isReference)
                .forEach(f -> f.referenceTo().stream().filter(target -> org.object(target) == null)
                        .forEach(target -> problems.add(o.name() + "." + f.name() + " refers to " + target + ", which the org does not have"))));
        return problems;
    }

    static List<String> permissionSetProblems(Path forceApp, OrgMetadata org) {
        List<String> problems = new ArrayList<>();
        for (Path file : permissionSets(forceApp)) {
            Element root = SfdxObjects.root(file, "PermissionSet");
            String name = file.getFileName().toString();
            for (Element grant : SfdxObjects.children(root, "fieldPermissions")) {
                String qualified = SfdxObjects.text(grant, "field");
                FieldDescription field = field(org, qualified);
                if (field == null) {
                    problems.add(name + ": field " + qualified + " does not exist");
                } else if (field.required()) {
                    problems.add(name + ": field " + qualified + " is required, and a deploy refuses permissions on a required field");
                }
            }
            for (Element grant : SfdxObjects.children(root, "objectPermissions")) {
                if (org.object(SfdxObjects.text(grant, "object")) == null) {
                    problems.add(name + ": object " + SfdxObjects.text(grant, "object") + " does not exist");
                }
            }
            for (Element grant : SfdxObjects.children(root, "recordTypeVisibilities")) {
                String[] parts = SfdxObjects.text(grant, "recordType").split("\\.", 2);
                ObjectDescription object = org.object(parts[0]);
                if (object == null || parts.length < 2 || !object.recordTypes().containsKey(parts[1])) {
                    problems.add(name + ": record type " + SfdxObjects.text(grant, "recordType") + " does not exist");
                }
            }
        }
        return problems;
    }

    /**
     * The custom fields of the tree a permission set does not grant, as {@code Object.Field} (Task's are Activity's).
     * Required and master-detail fields are left out: Salesforce grants them with the object, and refuses them here.
     */
    static List<String> fieldsMissingFrom(Path forceApp, OrgMetadata org, String permissionSet) {
        Set<String> granted = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        Element root = SfdxObjects.root(objects(forceApp).resolveSibling("permissionsets").resolve(permissionSet + ".permissionset-meta.xml"),
                "PermissionSet");
        SfdxObjects.children(root, "fieldPermissions").forEach(g -> granted.add(SfdxObjects.text(g, "field")));
        List<String> missing = new ArrayList<>();
        for (SfdxObjects.Folder folder : SfdxObjects.read(objects(forceApp))) {
            folder.fields().stream().filter(f -> !f.required())
                    .map(f -> folder.name() + "." + f.name()).filter(q -> !granted.contains(q)).forEach(missing::add);
        }
        return missing;
    }

    static boolean viewsAll(Path forceApp, String permissionSet, String object) {
        Element root = SfdxObjects.root(objects(forceApp).resolveSibling("permissionsets").resolve(permissionSet + ".permissionset-meta.xml"),
                "PermissionSet");
        return SfdxObjects.children(root, "objectPermissions").stream()
                .anyMatch(g -> object.equals(SfdxObjects.text(g, "object")) && "true".equals(SfdxObjects.text(g, "viewAllRecords")));
    }

    static List<String> layoutAndListViewProblems(Path forceApp, OrgMetadata org) {
        List<String> problems = new ArrayList<>();
        for (Path file : SfdxObjects.files(objects(forceApp).resolveSibling("layouts"), ".layout-meta.xml")) {
            String name = file.getFileName().toString();
            ObjectDescription object = org.object(name.substring(0, name.indexOf('-')));
            if (object == null) {
                problems.add(name + ": no object " + name.substring(0, name.indexOf('-')));
                continue;
            }
            for (Element section : SfdxObjects.children(SfdxObjects.root(file, "Layout"), "layoutSections")) {
                for (Element column : SfdxObjects.children(section, "layoutColumns")) {
                    for (Element item : SfdxObjects.children(column, "layoutItems")) {
                        String field = SfdxObjects.text(item, "field");
                        if (field != null && object.field(field) == null) {
                            problems.add(name + ": no field " + object.name() + "." + field);
                        }
                    }
                }
            }
            for (Element related : SfdxObjects.children(SfdxObjects.root(file, "Layout"), "relatedLists")) {
                String list = SfdxObjects.text(related, "relatedList");
                if (STANDARD_RELATED_LISTS.contains(list)) {
                    continue;
                }
                FieldDescription lookup = list.contains(".") ? field(org, list) : null;
                if (lookup == null || !lookup.referenceTo().contains(object.name())) {
                    problems.add(name + ": related list " + list + " is not a lookup to " + object.name());
                }
            }
        }
        for (SfdxObjects.Folder folder : SfdxObjects.read(objects(forceApp))) {
            for (Path file : SfdxObjects.files(objects(forceApp).resolve(folder.name()).resolve("listViews"), ".listView-meta.xml")) {
                Element root = SfdxObjects.root(file, "ListView");
                List<String> named = new ArrayList<>();
                SfdxObjects.children(root, "columns").forEach(c -> named.add(c.getTextContent().strip()));
                SfdxObjects.children(root, "filters").forEach(f -> named.add(SfdxObjects.text(f, "field")));
                named.stream().filter(f -> f.endsWith("__c")).filter(f -> org.field(folder.name(), f) == null)
                        .forEach(f -> problems.add(file.getFileName() + ": no field " + folder.name() + "." + f));
            }
        }
        return problems;
    }

    private static FieldDescription field(OrgMetadata org, String qualified) {
        String[] parts = qualified.split("\\.", 2);
        String object = parts[0].equals("Activity") ? "Task" : parts[0];
        return parts.length < 2 ? null : org.field(object, parts[1]);
    }

    private static Path objects(Path forceApp) {
        return forceApp.resolve("main/default/objects");
    }

    private static List<Path> permissionSets(Path forceApp) {
        return SfdxObjects.files(objects(forceApp).resolveSibling("permissionsets"), ".permissionset-meta.xml");
    }
}
