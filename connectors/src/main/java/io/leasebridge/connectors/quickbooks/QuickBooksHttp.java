package io.leasebridge.connectors.quickbooks;

import java.net.URI;
import java.util.Map;

/** One HTTP exchange with QuickBooks or Intuit's token endpoint; lost or timed-out calls throw {@link QuickBooksUnavailableException}. */
public interface QuickBooksHttp {

    Reply send(Call call);

    record Call(String method, URI uri, Map<String, String> headers, String body) {
    }

    record Reply(int status, String body, Map<String, String> headers) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }
    }
}
