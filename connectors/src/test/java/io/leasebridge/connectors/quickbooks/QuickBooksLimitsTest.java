package io.leasebridge.connectors.quickbooks;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuickBooksLimitsTest {

    @Test
    void noMoreCallsPerPeriodThanAllowedAndACallThatCannotWaitIsLeftForLater() {
        QuickBooksLimits limits = new QuickBooksLimits("9130350000000001",
                new QuickBooksProperties.Limits(5, Duration.ofMinutes(1), 10, Duration.ofMillis(50)));
        AtomicInteger made = new AtomicInteger();

        for (int i = 0; i < 5; i++) {
            limits.call(made::incrementAndGet);
        }

        assertThatThrownBy(() -> limits.call(made::incrementAndGet)).isInstanceOf(QuickBooksUnavailableException.class)
                .hasMessageContaining("limit");
        assertThat(made).hasValue(5);
    }
}
