package io.newsflow.app.cli;

import io.newsflow.runtime.StartupException;
import io.newsflow.runtime.config.NewsflowConfig;
import io.newsflow.runtime.config.Settings;
import io.newsflow.events.InvalidEventException;
import io.newsflow.sink.SinkTopology;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The country-routing switch shared by {@code sink}, {@code demo} and {@code topics create}: off by default; on, the
 * router writes {@code news.country.<CC>} only for the allow-list, which {@code topics create} must have created.
 */
public final class CountryRoutingOptions {
    @Option(names = "--country-routing",
            description = "Also route each event to news.country.<CC> for its entities' countries (default off). "
                    + "Setting: newsflow.country.routing=true.")
    boolean enabled;

    @Option(names = "--countries", paramLabel = "CC,CC", split = ",",
            description = "Allow-list of ISO 3166-1 alpha-2 codes for --country-routing (default: all 249 codes). "
                    + "Setting: newsflow.country.routing.countries.")
    List<String> countries;

    /** The flags over the settings file and environment; a bad country code is a start-up error (exit 3). */
    SinkTopology.Options resolve(Settings settings) {
        boolean on = enabled || settings.getBoolean(NewsflowConfig.COUNTRY_ROUTING);
        List<String> list = countries;
        if (list == null && !settings.getList(NewsflowConfig.COUNTRIES).isEmpty()) {
            list = settings.getList(NewsflowConfig.COUNTRIES);
        }
        if (!on) {
            return SinkTopology.Options.DEFAULTS;
        }
        if (list == null) {
            return SinkTopology.Options.countryRouting(SinkTopology.Options.ALL_COUNTRIES);
        }
        List<String> codes = new ArrayList<>();
        for (String c : list) {
            codes.add(c.trim().toUpperCase(Locale.ROOT));
        }
        try {
            return SinkTopology.Options.countryRouting(codes);
        } catch (InvalidEventException e) {
            throw new StartupException("bad --countries: " + e.getMessage(), e);
        }
    }
}
