package io.newsflow.enrich.linking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.events.Article;
import io.newsflow.events.Entity;
import io.newsflow.events.EntityType;
import io.newsflow.events.Mention;
import io.newsflow.events.TextField;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The linker's context rules on sentences written for them, over the shipped knowledge base. Expected ids are
 * Wikidata's own (Georgia the US state Q1428, the country Q230; Washington state Q1223, the city Q61).
 */
class EntityLinkerTest {
    private static final EntityLinker LINKER = EntityLinker.standard();

    /** Entities as the extractor would give them: each name with every place it occurs in the body. */
    private static List<Entity> link(String body, Object... nameAndType) {
        Article a = new Article(1, "t", "test", null, "A test", body, null, null, Instant.EPOCH, "en");
        List<Entity> entities = new ArrayList<>();
        for (int k = 0; k < nameAndType.length; k += 2) {
            String name = (String) nameAndType[k];
            List<Mention> mentions = new ArrayList<>();
            for (int at = body.indexOf(name); at >= 0; at = body.indexOf(name, at + 1)) {
                boolean wordStart = at == 0 || !Character.isLetter(body.charAt(at - 1));
                boolean wordEnd = at + name.length() == body.length()
                        || !Character.isLetter(body.charAt(at + name.length()));
                if (wordStart && wordEnd) {
                    mentions.add(new Mention(TextField.BODY, at, at + name.length()));
                }
            }
            assertTrue(!mentions.isEmpty(), name + " is not in the body");
            entities.add(new Entity(name, (EntityType) nameAndType[k + 1], mentions));
        }
        return LINKER.link(a, entities);
    }

    private static Entity named(List<Entity> entities, String name) {
        return entities.stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not in " + entities));
    }

    @Test
    void aCityAndItsStateAfterTheComma() {
        List<Entity> out = link("Police in Jonesboro, Georgia, arrested two men on Monday.",
                "Jonesboro", EntityType.LOCATION, "Georgia", EntityType.LOCATION);
        Entity georgia = named(out, "Georgia");
        assertEquals("Q1428", georgia.wikidata());
        assertEquals("US", georgia.country());
        // The only Jonesboro of 15,000 people or more is in Arkansas, so Jonesboro itself stays unlinked.
        assertNull(named(out, "Jonesboro").wikidata());
        assertNull(named(out, "Jonesboro").lat());
    }

    @Test
    void georgiaTheCountryWhenItsCapitalComesFirst() {
        Entity georgia = named(link("Protesters gathered in Tbilisi, Georgia, on Sunday.",
                "Tbilisi", EntityType.LOCATION, "Georgia", EntityType.LOCATION), "Georgia");
        assertEquals("Q230", georgia.wikidata());
        assertEquals("GE", georgia.country());
    }

    @Test
    void georgiaAloneIsNotLinked() {
        Entity georgia = named(link("Turnout in Georgia was high this year.", "Georgia", EntityType.LOCATION),
                "Georgia");
        assertNull(georgia.wikidata());
        assertNull(georgia.country());
    }

    @Test
    void georgiaAmongUsStatesIsTheState() {
        Entity georgia = named(link("Recounts are under way in Florida, Arizona and Georgia.",
                "Florida", EntityType.LOCATION, "Arizona", EntityType.LOCATION, "Georgia", EntityType.LOCATION),
                "Georgia");
        assertEquals("Q1428", georgia.wikidata());
    }

    @Test
    void washingtonTheCityTheStateOrOnlyTheCountry() {
        Entity alone = named(link("Officials in Washington said talks would resume.",
                "Washington", EntityType.LOCATION), "Washington");
        assertNull(alone.wikidata(), "the city and the state are too close to choose");
        assertEquals("US", alone.country(), "both are in the United States");

        Entity state = named(link("The fire burned east of Seattle, Washington, for a week.",
                "Seattle", EntityType.LOCATION, "Washington", EntityType.LOCATION), "Washington");
        assertEquals("Q1223", state.wikidata());

        Entity city = named(link("Lawmakers met in Washington, D.C., on Friday.",
                "Washington", EntityType.LOCATION), "Washington");
        assertEquals("Q61", city.wikidata());
        assertEquals(38.9, city.lat(), 0.1);
        assertEquals(-77.0, city.lon(), 0.1);
    }

    @Test
    void aCityAndAStateAbbreviationThatIsNoEntity() {
        Entity dallas = named(link("The company moved to Dallas, TX, last spring.", "Dallas", EntityType.LOCATION),
                "Dallas");
        assertEquals("US", dallas.country());
        assertNotNull(dallas.lat());
        assertEquals(32.8, dallas.lat(), 0.2);
        assertEquals(-96.8, dallas.lon(), 0.2);
    }

    @Test
    void aMinistersTitleConfirmsABareSurname() {
        // Linked, the surname reads as the full name the link resolved.
        Entity titled = named(link("Prime Minister Starmer said the talks had failed.",
                "Starmer", EntityType.PERSON), "Keir Starmer");
        assertEquals("Q6383803", titled.wikidata());
        assertEquals("GB", titled.country());

        Entity bare = named(link("Starmer said the talks had failed.", "Starmer", EntityType.PERSON), "Starmer");
        assertNull(bare.wikidata(), "a bare surname with nothing to confirm it is not linked");
    }

    @Test
    void twoPeopleOfOneSurnameGiveNoPersonLink() {
        Entity clinton = named(link("Clinton spoke in Iowa.", "Clinton", EntityType.PERSON, "Iowa",
                EntityType.LOCATION), "Clinton");
        assertNull(clinton.wikidata(), "Bill or Hillary: the article does not say");
    }

    @Test
    void spellingsOfOneCountryBecomeOneEntityUnderItsName() {
        List<Entity> out = link("The US and the United States are one country.",
                "US", EntityType.LOCATION, "United States", EntityType.LOCATION);
        assertEquals(1, out.size(), out.toString());
        assertEquals("United States", out.get(0).name());
        assertEquals("Q30", out.get(0).wikidata());
        assertEquals(2, out.get(0).mentions().size());
    }

    @Test
    void anAbbreviationMatchesOnlyInItsOwnCase() {
        Entity cor = named(link("Cor said nothing.", "Cor", EntityType.ORGANIZATION), "Cor");
        assertNull(cor.wikidata());
        Entity nato = named(link("Nato allies met in Brussels.", "Nato", EntityType.ORGANIZATION,
                "Brussels", EntityType.LOCATION), "Nato");
        assertEquals("Q7184", nato.wikidata());
    }

    @Test
    void aFullNameTheTaggerTypedAsAnOrganisationIsAPersonOnceLinked() {
        Entity pope = named(link("Pope Francis visited Lima.", "Pope Francis", EntityType.ORGANIZATION),
                "Pope Francis");
        assertEquals(EntityType.PERSON, pope.type());
        assertEquals("Q450675", pope.wikidata());
    }

    @Test
    void aMiddleInitialDoesNotHideAKnownPerson() {
        Entity trump = named(link("Donald J. Trump signed the order.", "Donald J. Trump", EntityType.PERSON),
                "Donald J. Trump");
        assertEquals("Q22686", trump.wikidata());
    }

    @Test
    void anApAbbreviationCountsOnlyWithItsDot() {
        Entity rock = named(link("The plant in Little Rock, Ark., closed.", "Little Rock", EntityType.LOCATION),
                "Little Rock");
        assertEquals("US", rock.country());
        assertNotNull(rock.lat());
        Entity ark = named(link("Noah built the Ark in a week.", "Ark", EntityType.LOCATION), "Ark");
        assertNull(ark.country(), "Noah's ark is not Arkansas");
    }

    @Test
    void anOrganisationNamedAfterItsCountryGetsThatCountryOnly() {
        List<Entity> out = link("The U.S. Army and the Bank of England were named, as were the Vienna Convention "
                + "and Georgia Tech.", "U.S. Army", EntityType.ORGANIZATION, "Bank of England",
                EntityType.ORGANIZATION, "Vienna Convention", EntityType.ORGANIZATION, "Georgia Tech",
                EntityType.ORGANIZATION);
        assertEquals("US", named(out, "U.S. Army").country());
        assertNull(named(out, "U.S. Army").wikidata());
        assertEquals("GB", named(out, "Bank of England").country());
        assertNull(named(out, "Vienna Convention").country(), "a treaty is not Austrian");
        assertNull(named(out, "Georgia Tech").country(), "the country or the state: no country");
    }
}
