package io.newsflow.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.app.cli.ClientOptions;
import io.newsflow.enrich.ArticleLimits;
import io.newsflow.enrich.EnrichTopology;
import io.newsflow.events.Seeds;
import io.newsflow.events.Topics;
import io.newsflow.sink.RotationPolicy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The README's settings table is the one {@link NewsflowConfig} generates. Run with
 * {@code -Dnewsflow.readme.update=true} to rewrite it after changing the definition.
 */
class ConfigTableTest {
    static final String START = "<!-- config-table:start";
    static final String END = "<!-- config-table:end -->";

    @Test
    void readmeTableIsTheDefinition() throws Exception {
        Path readme = Seeds.dir().getParent().resolve("README.md");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int start = text.indexOf('\n', text.indexOf(START)) + 1;
        int end = text.indexOf(END);
        assertTrue(start > 0 && end >= start, "README.md has the config-table markers");
        String expected = NewsflowConfig.markdownTable();
        if (Boolean.getBoolean("newsflow.readme.update")) {
            Files.writeString(readme, text.substring(0, start) + expected + text.substring(end),
                    StandardCharsets.UTF_8);
            return;
        }
        assertEquals(expected, text.substring(start, end), "README.md's settings table differs from NewsflowConfig; "
                + "rerun this test with -Dnewsflow.readme.update=true");
    }

    @Test
    void tableDefaultsAreTheModulesDefaults() {
        Settings s = Settings.resolve(null, Map.of(), Map.of());
        assertEquals(Topics.DEFAULTS, ClientOptions.topics(s));
        assertEquals(EnrichTopology.Options.DEFAULTS, EnrichSettings.options(s));
        assertEquals(ArticleLimits.DEFAULTS, EnrichSettings.limits(s));
        assertEquals(RotationPolicy.DEFAULTS, SinkSettings.rotation(s));
    }

    @Test
    void everyKeyHasOneVariable() {
        assertEquals("NEWSFLOW_TOPIC_RAW", NewsflowConfig.envName("topic.raw"));
        assertEquals("NEWSFLOW_DEDUP_WINDOW", NewsflowConfig.envName(NewsflowConfig.DEDUP_WINDOW));
        assertEquals(NewsflowConfig.names().size(), NewsflowConfig.envNames().size());
    }
}
