package io.leasebridge.cluster;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.leasebridge.LeaseBridgeApplication;
import io.leasebridge.testing.TestProperties;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One serving LeaseBridge instance in this JVM, on a given hub database, with every flow on one cron. */
final class LeaseBridgeNode {

    private LeaseBridgeNode() {
    }

    static ConfigurableApplicationContext start(WireMockServer salesforce, String jdbcUrl, String user, String password,
                                                String cron, Map<String, String> extra) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("camel.component.salesforce.login-url", salesforce.baseUrl());
        properties.put("camel.component.salesforce.client-id", "3MVG9test");
        properties.put("camel.component.salesforce.client-secret", "test-secret");
        properties.put("camel.component.salesforce.user-name", "integration@lessor.example");
        properties.put("camel.component.salesforce.password", "test-password");
        properties.put("camel.springboot.main-run-controller", "false");
        properties.put("spring.datasource.url", jdbcUrl);
        properties.put("spring.datasource.username", user);
        properties.put("spring.datasource.password", password);
        properties.put("server.port", "0");
        properties.put("leasebridge.leaseworks.inbox", System.getProperty("java.io.tmpdir") + "/leasebridge-node-inbox");
        TestProperties.FLOWS.forEach(flow -> properties.put("leasebridge.schedules." + flow, cron));
        properties.putAll(extra);
        List<String> args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toList();
        return new SpringApplicationBuilder(LeaseBridgeApplication.class).run(args.toArray(String[]::new));
    }
}
