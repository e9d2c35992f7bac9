package io.leasebridge.connectors.mail;

import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@link RepoOrderMailer} through the {@code repo-order-send} route, which hands the letter to the configured mail endpoint. */
@Component
public class CamelRepoOrderMailer implements RepoOrderMailer {

    public static final String SEND = "direct:repo-order-send";

    private final ProducerTemplate producer;

    public CamelRepoOrderMailer(ProducerTemplate producer) {
        this.producer = producer;
    }

    @Override
    public void send(Letter letter) {
        producer.sendBodyAndHeaders(SEND, letter.body(), headers(letter));
    }

    private static Map<String, Object> headers(Letter letter) {
        Map<String, Object> headers = new LinkedHashMap<>(Map.of(
                "To", letter.to(), "From", letter.from(), "Subject", letter.subject(),
                "Message-ID", letter.messageId(), "Content-Type", "text/plain; charset=UTF-8"));
        if (letter.inReplyTo() != null) {
            headers.put("In-Reply-To", letter.inReplyTo());
            headers.put("References", letter.inReplyTo());
        }
        return headers;
    }
}
