package io.leasebridge.repocases;

import io.leasebridge.repo.RepoWorkflow;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one repossession workflow the case reader and the side effects share, with the configured default agent. */
@Configuration
class RepoWorkflowConfiguration {

    @Bean
    RepoWorkflow repoWorkflow(RepoProperties properties) {
        return new RepoWorkflow(properties.defaultAgentEmail());
    }
}
