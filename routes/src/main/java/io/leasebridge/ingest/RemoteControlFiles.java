package io.leasebridge.ingest;

import org.apache.camel.CamelContext;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The control file of an export that arrived from a remote endpoint (SFTP), fetched from the same folder on the
 * same server so that it is checked as the local drop's is. It is taken the way the export was (moved to
 * {@code .done/} where the export is), by its name alone: the export's own file filters are left out.
 */
@Component
class RemoteControlFiles {

    /**
     * The export endpoint's options that pick its files, or download them to a local work directory (where the export
     * itself lies now, under the name the control file is copied to): a control file is picked by its name instead.
     */
    private static final Set<String> FILE_FILTERS = Set.of("include", "antinclude", "exclude", "antexclude", "filename",
            "donefilename", "sendemptymessagewhenidle", "localworkdirectory");

    private final CamelContext camel;
    private final ConsumerTemplate consumer;
    private final LeaseWorksProperties leaseWorks;

    RemoteControlFiles(CamelContext camel, ConsumerTemplate consumer, LeaseWorksProperties leaseWorks) {
        this.camel = camel;
        this.consumer = consumer;
        this.leaseWorks = leaseWorks;
    }

    /** Copies the control file {@code name} of the export's folder to {@code target}; false when the folder has none. */
    boolean fetch(String export, String name, Path target) {
        Endpoint endpoint = camel.getEndpoint(uri(leaseWorks.exports().get(export), name));
        try {
            Exchange found = consumer.receiveNoWait(endpoint);
            if (found == null) {
                Files.deleteIfExists(target);
                return false;
            }
            try (InputStream in = found.getIn().getBody(InputStream.class)) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot copy the control file " + name, e);
            } finally {
                consumer.doneUoW(found);
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear an earlier copy of the control file " + name, e);
        } finally {
            forget(endpoint);
        }
    }

    /** One endpoint per control file name: not kept once its file is fetched. */
    private void forget(Endpoint endpoint) {
        try {
            camel.removeEndpoint(endpoint);
        } catch (Exception e) {
            // an endpoint left registered costs a little memory, nothing else
        }
    }

    /** The export's endpoint URI, picking the one file {@code name}. */
    static String uri(String exportUri, String name) {
        int query = exportUri.indexOf('?');
        String base = query < 0 ? exportUri : exportUri.substring(0, query);
        String options = query < 0 ? "" : Arrays.stream(exportUri.substring(query + 1).split("&"))
                .filter(option -> !FILE_FILTERS.contains(option.split("=", 2)[0].toLowerCase(Locale.ROOT)))
                .map(option -> option + "&").collect(Collectors.joining());
        return base + "?" + options + "fileName=RAW(" + name + ")";
    }
}
