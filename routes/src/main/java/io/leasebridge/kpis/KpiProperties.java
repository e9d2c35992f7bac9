package io.leasebridge.kpis;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;

/** @param reportDir where run-once writes {@value KpiFiles#JSON} and {@value KpiFiles#CSV} */
@Validated
@ConfigurationProperties("leasebridge.kpis")
public record KpiProperties(@DefaultValue("./data/reports") @NotNull Path reportDir) {
}
