package io.newsflow.ingest.feed;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The canonical form of an article URL, the basis of a feed item's id: http(s) only, scheme and host in lower case,
 * default port and fragment dropped, tracking parameters ({@code utm_*}, {@code fbclid}, {@code gclid}, {@code ref},
 * …) removed and the remaining parameters sorted, so one article shared with different tracking gets one id.
 */
public final class CanonicalUrl {
    private static final Set<String> TRACKING = Set.of("fbclid", "gclid", "dclid", "msclkid", "ref", "ref_src",
            "mc_cid", "mc_eid", "igshid", "_ga");

    private CanonicalUrl() {
    }

    /** The canonical URL, or null when {@code url} is not an absolute http(s) URL. */
    public static String of(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return null;
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null) {
            return null;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme)
                && port == 443);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        StringBuilder sb = new StringBuilder(scheme).append("://").append(host);
        if (!defaultPort) {
            sb.append(':').append(port);
        }
        sb.append(path);
        String query = query(uri.getRawQuery());
        if (!query.isEmpty()) {
            sb.append('?').append(query);
        }
        return sb.toString();
    }

    private static String query(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String param : raw.split("&")) {
            if (param.isEmpty()) {
                continue;
            }
            int eq = param.indexOf('=');
            String name = (eq < 0 ? param : param.substring(0, eq)).toLowerCase(Locale.ROOT);
            if (!name.startsWith("utm_") && !TRACKING.contains(name)) {
                kept.add(param);
            }
        }
        // Sorted, so "?b=2&a=1" and "?a=1&b=2" are one article.
        kept.sort(null);
        return String.join("&", kept);
    }
}
