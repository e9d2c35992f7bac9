package io.leasebridge.connectors.files;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * {@link FileSink} through Camel: the file's name goes in {@code CamelFileName} for the file and SFTP components; a
 * file that may go by mail also carries the mail headers (its name as the subject), and a channel with many
 * destinations finds this file's in {@link #DESTINATION}.
 */
@Component
public class CamelFileSink implements FileSink {

    /** The header naming the endpoint a channel with many destinations sends the file to. */
    public static final String DESTINATION = "LeaseBridgeAgencyEndpoint";

    private final ProducerTemplate producer;

    public CamelFileSink(ProducerTemplate producer) {
        this.producer = producer;
    }

    @Override
    public void write(String channel, OutgoingFile file) {
        Map<String, Object> headers = new HashMap<>();
        headers.put(Exchange.FILE_NAME, file.name());
        if (file.destination() != null) {
            headers.put(DESTINATION, file.destination());
        }
        if (file.messageId() != null) {
            headers.put("Subject", file.name());
            headers.put("Message-ID", file.messageId());
            headers.put("Content-Type", "text/csv; charset=UTF-8");
        }
        producer.sendBodyAndHeaders(channel, file.body(), headers);
    }
}
