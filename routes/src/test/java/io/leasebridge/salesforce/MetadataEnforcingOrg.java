package io.leasebridge.salesforce;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.leasebridge.salesforce.metadata.FieldDescription;
import io.leasebridge.salesforce.metadata.ObjectDescription;
import io.leasebridge.salesforce.metadata.OrgMetadata;
import io.leasebridge.salesforce.metadata.RecordRules;
import io.leasebridge.salesforce.metadata.SaveError;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts the shipped Salesforce metadata in front of a route test's stubs: whatever a test stubbed, a write or a
 * query that names a field or object the metadata lacks, or a value its field refuses, is answered the way a real
 * org answers it (400 for what the org cannot read, a failed result for the records a field refuses). So a
 * stubbed org agrees with the mappers and readers only where the metadata does.
 *
 * <p>It does not keep records: rules that need them (required on create, unique values, parents that exist)
 * belong to the sandbox's simulated org.
 */
final class MetadataEnforcingOrg implements ResponseTransformerV2 {

    private static final Pattern UPSERT = Pattern.compile("/services/data/v[0-9.]+/composite/sobjects/([^/?]+)/([^/?]+)");
    private static final Pattern UPDATE = Pattern.compile("/services/data/v[0-9.]+/composite/sobjects/?");
    private static final Pattern QUERY = Pattern.compile("/services/data/v[0-9.]+/query/?");
    private static final Pattern SOQL = Pattern.compile("(?is)\\s*SELECT\\s+(.+?)\\s+FROM\\s+(\\w+)(.*)");
    /** An aggregate function in a select list, its field and an optional alias: {@code SUM(Amount__c) total}. */
    private static final Pattern AGGREGATE = Pattern.compile("(?i)(COUNT|COUNT_DISTINCT|SUM|AVG|MIN|MAX)\\(\\s*([\\w.]*)\\s*\\)(\\s+\\w+)?");
    private static final Pattern QUOTED = Pattern.compile("'(?:\\\\.|[^'\\\\])*'");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.:-])[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)*(?![\\w(])");
    private static final Set<String> KEYWORDS = Set.of("where", "and", "or", "not", "in", "like", "order", "by", "asc", "desc",
            "nulls", "first", "last", "limit", "offset", "null", "true", "false", "includes", "excludes", "today", "yesterday",
            "tomorrow", "group", "having", "with", "for", "update", "view", "reference");

    private final OrgMetadata metadata;
    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    MetadataEnforcingOrg(OrgMetadata metadata) {
        this.metadata = metadata;
    }

    @Override
    public String getName() {
        return "metadata-enforcing-org";
    }

    @Override
    public Response transform(Response response, ServeEvent event) {
        Request request = event.getRequest();
        String url = request.getUrl();
        int q = url.indexOf('?');
        String path = q < 0 ? url : url.substring(0, q);
        String method = request.getMethod().getName();
        Matcher m;
        if (method.equals("PATCH") && (m = UPSERT.matcher(path)).matches()) {
            return upsert(response, m.group(1), m.group(2), request.getBodyAsString());
        }
        if (method.equals("PATCH") && UPDATE.matcher(path).matches()) {
            return update(response, request.getBodyAsString());
        }
        if (method.equals("GET") && QUERY.matcher(path).matches() && q >= 0) {
            String soql = parameter(url.substring(q + 1), "q");
            Optional<SaveError> problem = soql == null ? Optional.empty() : queryProblem(soql);
            return problem.map(p -> error(response, 400, p)).orElse(response);
        }
        return response;
    }

    private Response upsert(Response response, String sObject, String externalIdField, String body) {
        ObjectDescription object = metadata.object(sObject);
        if (object == null) {
            return error(response, 404, SaveError.of("NOT_FOUND", "The requested resource does not exist"));
        }
        FieldDescription key = object.field(externalIdField);
        if (key == null || !key.externalId()) {
            return error(response, 404, SaveError.of("NOT_FOUND",
                    "Provided external ID field does not exist or is not accessible: " + externalIdField));
        }
        List<Map<String, Object>> records = records(body);
        List<List<SaveError>> refused = new ArrayList<>();
        for (Map<String, Object> record : records) {
            Optional<SaveError> unreadable = RecordRules.requestProblem(object, record);
            if (unreadable.isPresent()) {
                return error(response, 400, unreadable.get());
            }
            refused.add(errors(object, record));
        }
        return results(response, refused);
    }

    private Response update(Response response, String body) {
        List<Map<String, Object>> records = records(body);
        List<List<SaveError>> refused = new ArrayList<>();
        for (Map<String, Object> record : records) {
            Object type = record.get("attributes") instanceof Map<?, ?> attributes ? attributes.get("type") : null;
            ObjectDescription object = type == null ? null : metadata.object(String.valueOf(type));
            if (object == null) {
                refused.add(List.of(SaveError.of("INVALID_TYPE", "sObject type '" + type + "' is not supported.")));
                continue;
            }
            Optional<SaveError> unreadable = RecordRules.requestProblem(object, record);
            if (unreadable.isPresent()) {
                return error(response, 400, unreadable.get());
            }
            refused.add(errors(object, record));
        }
        return results(response, refused);
    }

    /** What the record's fields refuse, and parents named by a field that is not their external id. */
    private List<SaveError> errors(ObjectDescription object, Map<String, Object> record) {
        List<SaveError> errors = new ArrayList<>(RecordRules.valueErrors(object, record, null));
        record.forEach((name, value) -> {
            FieldDescription lookup = object.field(name) == null ? object.relationship(name) : null;
            if (lookup == null || !(value instanceof Map<?, ?> reference)) {
                return;
            }
            String parent = lookup.isPolymorphic() && reference.get("attributes") instanceof Map<?, ?> a
                    ? String.valueOf(a.get("type")) : lookup.referencedObject();
            reference.keySet().stream().map(String::valueOf).filter(k -> !k.equals("attributes"))
                    .filter(k -> !RecordRules.isReferenceKey(metadata.object(parent), k))
                    .forEach(k -> errors.add(SaveError.of("INVALID_FIELD", "Field name provided, " + k
                            + " is not an External ID or indexed field for " + parent)));
        });
        return errors;
    }

    /** The stubbed results, with each refused record's result replaced by its errors. */
    private Response results(Response response, List<List<SaveError>> refused) {
        if (refused.stream().allMatch(List::isEmpty)) {
            return response;
        }
        List<Object> stubbed = stubbedResults(response);
        List<Object> results = new ArrayList<>();
        for (int i = 0; i < refused.size(); i++) {
            if (refused.get(i).isEmpty()) {
                results.add(stubbed != null && stubbed.size() == refused.size() ? stubbed.get(i)
                        : Map.of("id", "a00000000000001AAA", "success", true, "errors", List.of(), "created", true));
                continue;
            }
            Map<String, Object> failed = new LinkedHashMap<>();
            failed.put("success", false);
            failed.put("errors", refused.get(i).stream().map(e -> Map.of("statusCode", e.statusCode(), "message", e.message(),
                    "fields", e.fields())).toList());
            results.add(failed);
        }
        return body(response, 200, results);
    }

    private List<Object> stubbedResults(Response response) {
        try {
            return response.getStatus() == 200 ? json.readValue(response.getBodyAsString(), List.class) : null;
        } catch (JsonProcessingException | RuntimeException e) {
            return null;
        }
    }

    /** An object or field the metadata lacks, named the way Salesforce's query parser names it. */
    Optional<SaveError> queryProblem(String soql) {
        Matcher m = SOQL.matcher(soql);
        if (!m.matches()) {
            return Optional.empty();
        }
        ObjectDescription object = metadata.object(m.group(2));
        if (object == null) {
            return Optional.of(SaveError.of("INVALID_TYPE", "sObject type '" + m.group(2) + "' is not supported."));
        }
        List<String> paths = new ArrayList<>();
        for (String selected : m.group(1).split(",")) {
            Matcher aggregate = AGGREGATE.matcher(selected.strip());
            if (!aggregate.matches()) {
                paths.add(selected.strip());
            } else if (!aggregate.group(2).isEmpty() && !aggregate.group(1).equalsIgnoreCase("COUNT")) {
                paths.add(aggregate.group(2));
            }
        }
        Matcher identifiers = IDENTIFIER.matcher(QUOTED.matcher(m.group(3)).replaceAll("''"));
        while (identifiers.find()) {
            String word = identifiers.group();
            if (!KEYWORDS.contains(word.toLowerCase(Locale.ROOT)) && !word.matches("(?i)(LAST|NEXT)_N_\\w+|THIS_\\w+|LAST_\\w+|NEXT_\\w+")) {
                paths.add(word);
            }
        }
        for (String fieldPath : paths) {
            Optional<SaveError> problem = pathProblem(object, fieldPath);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private Optional<SaveError> pathProblem(ObjectDescription object, String path) {
        int dot = path.indexOf('.');
        if (dot < 0) {
            return object.field(path) != null ? Optional.empty() : Optional.of(noSuchColumn(path, object.name()));
        }
        FieldDescription lookup = object.relationship(path.substring(0, dot));
        if (lookup == null) {
            return Optional.of(SaveError.of("INVALID_FIELD", "Didn't understand relationship '" + path.substring(0, dot)
                    + "' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after "
                    + "the custom relationship name. Please reference your WSDL or the describe call for the appropriate names."));
        }
        if (lookup.isPolymorphic()) {
            return Optional.empty();
        }
        return pathProblem(metadata.object(lookup.referencedObject()), path.substring(dot + 1));
    }

    private static SaveError noSuchColumn(String field, String object) {
        return SaveError.of("INVALID_FIELD", "No such column '" + field + "' on entity '" + object + "'. If you are attempting "
                + "to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL "
                + "or the describe call for the appropriate names.");
    }

    private List<Map<String, Object>> records(String body) {
        try {
            Map<?, ?> request = json.readValue(body, Map.class);
            List<Map<String, Object>> records = new ArrayList<>();
            if (request.get("records") instanceof List<?> list) {
                for (Object item : list) {
                    Map<String, Object> record = new LinkedHashMap<>();
                    ((Map<?, ?>) item).forEach((k, v) -> record.put(String.valueOf(k), v));
                    records.add(record);
                }
            }
            return records;
        } catch (JsonProcessingException | ClassCastException e) {
            return List.of();
        }
    }

    private Response error(Response response, int status, SaveError error) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", error.message());
        body.put("errorCode", error.statusCode());
        body.put("fields", error.fields());
        return body(response, status, List.of(body));
    }

    private Response body(Response response, int status, Object body) {
        try {
            return Response.Builder.like(response).but().status(status)
                    .headers(new HttpHeaders(new HttpHeader("Content-Type", "application/json;charset=UTF-8"),
                            new HttpHeader("Sforce-Limit-Info", "api-usage=25/15000")))
                    .body(json.writeValueAsString(body)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String parameter(String query, String name) {
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
