package io.newsflow.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsflow.enrich.Enricher;
import io.newsflow.events.Article;
import io.newsflow.events.EntityMention;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code subscribe --entity Q64576653} (Christian Stocker) finds a person's articles whatever name each article gives him: the enricher
 * links every variant to one Wikidata id, which keys {@code news.mentions} and which the subscription matches.
 */
class SubscribeByIdTest {
    private static final Enricher ENRICHER = Enricher.standard(Clock.systemUTC());

    private static Article article(String id, String title, String body) {
        return new Article(1, id, "test", null, title, body, null, null, Instant.EPOCH, "en");
    }

    @Test
    void everyNameVariantOfAPersonReachesTheSubscriptionById() {
        List<Article> articles = List.of(
                article("a1", "Talks in Vienna", "Christian Stocker met the French foreign minister in Vienna on "
                        + "Monday. The two men discussed trade and defence."),
                article("a2", "Budget row", "Chancellor Stocker said on Tuesday that the budget would pass. He spoke "
                        + "to reporters after a cabinet meeting."),
                article("a3", "Gas deal", "Austria and Norway signed a gas deal in Graz. Stocker called it a good "
                        + "day for both countries."),
                article("a4", "Weather", "Heavy rain fell across Norway on Sunday, and roads were closed."));
        Subscription byId = Subscription.entity("Q64576653");
        List<String> found = new ArrayList<>();
        for (Article a : articles) {
            for (EntityMention m : EntityMention.of(ENRICHER.enrich(a))) {
                if (byId.matches(m)) {
                    assertEquals("Q64576653", m.entityId(), "news.mentions is keyed by the Wikidata id");
                    found.add(a.id() + ":" + m.entity());
                }
            }
        }
        // Each article names him its own way; a bare surname is confirmed by the title or by the Austrian places,
        // and, linked, reads under his full name.
        assertEquals(List.of("a1:Christian Stocker", "a2:Christian Stocker", "a3:Christian Stocker"), found);
    }
}
