package io.leasebridge.ingest;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The intake's tests on the embedded hub (H2), with two writers, so that they also cover rows split between writers. */
class LeaseWorksIntakeTest extends LeaseWorksIntakeContract {

    @DynamicPropertySource
    static void h2(DynamicPropertyRegistry registry) {
        commonProperties(registry);
    }
}
