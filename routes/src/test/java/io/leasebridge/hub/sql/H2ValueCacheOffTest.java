package io.leasebridge.hub.sql;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.StringUtils;

import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class H2ValueCacheOffTest {

    private String before;

    @BeforeEach
    void rememberTheProperty() {
        before = System.getProperty(H2ValueCacheOff.PROPERTY);
    }

    @AfterEach
    void restoreTheProperty() {
        if (before == null) {
            System.clearProperty(H2ValueCacheOff.PROPERTY);
        } else {
            System.setProperty(H2ValueCacheOff.PROPERTY, before);
        }
    }

    @Test
    void turnsTheCacheOffWhenNobodySetIt() {
        System.clearProperty(H2ValueCacheOff.PROPERTY);

        new H2ValueCacheOff().postProcessEnvironment(new StandardEnvironment(), new SpringApplication());

        assertThat(System.getProperty(H2ValueCacheOff.PROPERTY)).isEqualTo("false");
    }

    @Test
    void leavesAValueSetOnTheCommandLine() {
        System.setProperty(H2ValueCacheOff.PROPERTY, "true");

        new H2ValueCacheOff().postProcessEnvironment(new StandardEnvironment(), new SpringApplication());

        assertThat(System.getProperty(H2ValueCacheOff.PROPERTY)).isEqualTo("true");
    }

    @Test
    void springBootRunsItBeforeTheHubStarts() throws Exception {
        List<String> registered = new ArrayList<>();
        for (URL factories : Collections.list(getClass().getClassLoader().getResources("META-INF/spring.factories"))) {
            Properties properties = new Properties();
            try (InputStream in = factories.openStream()) {
                properties.load(in);
            }
            registered.addAll(StringUtils.commaDelimitedListToSet(properties.getProperty(EnvironmentPostProcessor.class.getName(), "")));
        }

        assertThat(registered).contains(H2ValueCacheOff.class.getName());
    }
}
