package io.leasebridge.hub;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** How far each reader of Salesforce changes has read: the greatest SystemModstamp it committed. */
@Repository
public class Watermarks {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public Watermarks(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<Instant> get(String reader) {
        List<Instant> found = jdbc.query("select last_modstamp from sf_watermark where reader = ?",
                (rs, n) -> rs.getTimestamp(1).toInstant(), reader);
        return found.stream().findFirst();
    }

    /** Moves the watermark to {@code modstamp}, never back: call it in the transaction of the batch it covers. */
    public void advance(String reader, Instant modstamp) {
        Timestamp now = Timestamp.from(clock.instant());
        Timestamp to = Timestamp.from(modstamp);
        int updated = jdbc.update("update sf_watermark set last_modstamp = ?, updated_at = ? where reader = ? and last_modstamp < ?",
                to, now, reader, to);
        if (updated == 0 && get(reader).isEmpty()) {
            jdbc.update("insert into sf_watermark (reader, last_modstamp, updated_at) values (?, ?, ?)", reader, to, now);
        }
    }
}
