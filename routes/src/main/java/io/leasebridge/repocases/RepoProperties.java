package io.leasebridge.repocases;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Repossession cases and the repo orders they send.
 *
 * @param caseRecordType     the DeveloperName of the Case record type that marks a repossession case
 * @param defaultAgentEmail  where a repo order goes when the Case names no agent; blank for none
 * @param mail               how repo orders are sent
 */
@Validated
@ConfigurationProperties("leasebridge.repo")
public record RepoProperties(
        @DefaultValue("Repossession") @NotBlank String caseRecordType,
        @DefaultValue("") String defaultAgentEmail,
        @Valid @NotNull @DefaultValue Mail mail) {

    /**
     * @param endpoint the Camel mail endpoint that sends repo orders, e.g. {@code smtp://mail.example.com:587}
     *                 or {@code smtps://...}; credentials as its {@code username} and {@code password} options
     * @param from     the sender address agents see and reply to
     */
    public record Mail(
            @DefaultValue("smtp://localhost:3025") @NotBlank String endpoint,
            @DefaultValue("repossessions@lessor.example") @NotBlank String from) {
    }
}
