package io.leasebridge.salesforce;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.leasebridge.salesforce.metadata.OrgMetadata;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * An org that holds records and answers the SOQL a reconciliation asks, in Salesforce's query result shape: counts
 * and sums over an external-id range as an {@code AggregateResult} ({@code expr0}, {@code expr1}), the same grouped
 * by a date field, and the records of a range. Text compares as Salesforce compares it, ignoring case. The shipped
 * metadata still refuses a query naming what it lacks. Every query is counted.
 */
public final class QueryableOrg implements ResponseTransformerV2 {

    private static final Pattern QUERY_PATH = Pattern.compile("/services/data/v[0-9.]+/query/?");
    private static final Pattern SOQL = Pattern.compile(
            "(?is)SELECT\\s+(.+?)\\s+FROM\\s+(\\w+)\\s+WHERE\\s+(.+?)(?:\\s+GROUP BY\\s+(\\w+))?");
    private static final Pattern CONDITION = Pattern.compile("(?i)(\\w+)\\s*(!=|>=|<)\\s*('(?:\\\\.|[^'])*'|null|\\d{4}-\\d{2}-\\d{2})");
    private static final Pattern FUNCTION = Pattern.compile("(?i)(COUNT|SUM)\\((\\w+)\\)");

    private final MetadataEnforcingOrg metadata = new MetadataEnforcingOrg(OrgMetadata.shipped());
    private final Map<String, TreeMap<String, Map<String, Object>>> objects = new ConcurrentHashMap<>();
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicLong queries = new AtomicLong();

    public static WireMockServer start(QueryableOrg org) {
        WireMockServer server = new WireMockServer(options().dynamicPort().globalTemplating(true).extensions(org));
        server.start();
        SalesforceWireMock.stubLogin(server);
        return server;
    }

    @Override
    public String getName() {
        return "queryable-org";
    }

    /** Puts a record (its fields by API name, its external id among them) in the org. */
    public void put(String object, String externalIdField, Map<String, Object> fields) {
        objects.computeIfAbsent(object, o -> new TreeMap<>(String.CASE_INSENSITIVE_ORDER))
                .put(fields.get(externalIdField).toString(), new LinkedHashMap<>(fields));
    }

    public void delete(String object, String externalId) {
        objects.getOrDefault(object, new TreeMap<>()).remove(externalId);
    }

    public void clear() {
        objects.clear();
        queries.set(0);
    }

    public long queries() {
        return queries.get();
    }

    @Override
    public Response transform(Response response, ServeEvent event) {
        Response checked = metadata.transform(response, event);
        String url = event.getRequest().getUrl();
        int q = url.indexOf('?');
        if (checked.getStatus() != 200 || q < 0 || !QUERY_PATH.matcher(url.substring(0, q)).matches()) {
            return checked;
        }
        String soql = parameter(url.substring(q + 1));
        Matcher m = soql == null ? null : SOQL.matcher(soql.strip());
        if (m == null || !m.matches()) {
            return checked;
        }
        queries.incrementAndGet();
        List<Map<String, Object>> found = new ArrayList<>(objects.getOrDefault(m.group(2), new TreeMap<>()).values().stream()
                .filter(record -> matches(record, m.group(3))).toList());
        List<String> selected = List.of(m.group(1).split("\\s*,\\s*"));
        List<Map<String, Object>> records = m.group(4) != null ? grouped(found, selected, m.group(4))
                : selected.stream().anyMatch(s -> FUNCTION.matcher(s).matches()) ? List.of(aggregate(found, selected, null))
                : found.stream().map(r -> record(m.group(2), r, selected)).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("totalSize", records.size());
        body.put("done", true);
        body.put("records", records);
        try {
            return Response.Builder.like(checked).but().status(200)
                    .headers(new HttpHeaders(new HttpHeader("Content-Type", "application/json;charset=UTF-8"),
                            new HttpHeader("Sforce-Limit-Info", "api-usage=25/15000")))
                    .body(json.writeValueAsString(body)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean matches(Map<String, Object> record, String where) {
        Matcher c = CONDITION.matcher(where);
        while (c.find()) {
            Object value = record.get(c.group(1));
            String literal = c.group(3);
            if (literal.equalsIgnoreCase("null")) {
                if (value == null) {
                    return false;
                }
                continue;
            }
            String text = literal.startsWith("'") ? literal.substring(1, literal.length() - 1).replace("\\'", "'").replace("\\\\", "\\") : literal;
            int order = value == null ? -1 : String.CASE_INSENSITIVE_ORDER.compare(value.toString(), text);
            if (c.group(2).equals(">=") && order < 0 || c.group(2).equals("<") && order >= 0) {
                return false;
            }
        }
        return true;
    }

    private static List<Map<String, Object>> grouped(List<Map<String, Object>> found, List<String> selected, String by) {
        Map<Object, List<Map<String, Object>>> groups = new TreeMap<>();
        found.forEach(r -> groups.computeIfAbsent(r.get(by), k -> new ArrayList<>()).add(r));
        List<Map<String, Object>> records = new ArrayList<>();
        groups.forEach((key, group) -> records.add(aggregate(group, selected, Map.entry(by, key))));
        return records;
    }

    /** An AggregateResult: grouped fields by name, unnamed aggregates as expr0, expr1... */
    private static Map<String, Object> aggregate(List<Map<String, Object>> records, List<String> selected, Map.Entry<String, Object> group) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("attributes", Map.of("type", "AggregateResult"));
        int expr = 0;
        for (String item : selected) {
            Matcher f = FUNCTION.matcher(item);
            if (!f.matches()) {
                result.put(item, group == null ? null : group.getValue());
                continue;
            }
            Object value;
            if (f.group(1).equalsIgnoreCase("COUNT")) {
                value = records.size();
            } else {
                List<BigDecimal> amounts = records.stream().map(r -> r.get(f.group(2))).filter(v -> v != null)
                        .map(v -> new BigDecimal(v.toString())).toList();
                value = amounts.isEmpty() ? null : amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            }
            result.put("expr" + expr++, value);
        }
        return result;
    }

    private static Map<String, Object> record(String object, Map<String, Object> stored, List<String> selected) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("attributes", Map.of("type", object, "url", "/services/data/v" + SalesforceWireMock.API_VERSION + "/sobjects/" + object));
        selected.forEach(field -> record.put(field, stored.get(field)));
        return record;
    }

    private static String parameter(String query) {
        for (String pair : query.split("&")) {
            if (pair.startsWith("q=")) {
                return URLDecoder.decode(pair.substring(2), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
