package io.leasebridge.admin;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dead-letter queue: {@code GET /api/dead-letters?flow=&status=&page=&size=} (newest first, without payloads),
 * {@code GET /api/dead-letters/{id}} (with its payload), {@code POST /api/dead-letters/{id}/replay} (409 unless OPEN) and
 * {@code POST /api/dead-letters/replay?flow=&status=OPEN&limit=500} (the open ones of a flow, oldest first, each outcome).
 */
@RestController
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class DeadLetterController {

    private final DeadLetterQueue queue;

    DeadLetterController(DeadLetterQueue queue) {
        this.queue = queue;
    }

    @GetMapping("/api/dead-letters")
    Paged<DeadLetterEntry> deadLetters(@RequestParam(required = false) String flow, @RequestParam(required = false) String status,
                                       @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return queue.find(flow, status, Paging.of(page, size));
    }

    @GetMapping("/api/dead-letters/{id}")
    DeadLetterDetail deadLetter(@PathVariable long id) {
        return queue.show(id);
    }

    @PostMapping("/api/dead-letters/{id}/replay")
    ReplayResult replay(@PathVariable long id) {
        return queue.replay(id);
    }

    @PostMapping("/api/dead-letters/replay")
    BatchReplay replayOpen(@RequestParam(required = false) String flow, @RequestParam(defaultValue = "OPEN") String status,
                           @RequestParam(defaultValue = "500") int limit) {
        return queue.replayOpen(flow, status, limit);
    }
}
