package io.newsflow.enrich.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.newsflow.events.Entity;
import io.newsflow.events.EntityType;
import io.newsflow.events.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Short mentions, acronyms, gazetteer names and country links, on hand-tagged spans. */
class CanonicalizerTest {
    static final KnownEntities KNOWN = KnownEntities.loadDefault();

    /** Tags the capitalised words given as "Surface=TYPE" in order of appearance. */
    static Map<String, Entity> resolve(String text, String... spans) {
        TokenizedText t = NewsTokenizer.tokenize(text);
        List<Canonicalizer.Found> found = new ArrayList<>();
        int from = 0;
        for (String s : spans) {
            String surface = s.substring(0, s.lastIndexOf('='));
            int type = List.of(NerModel.TYPES).indexOf(s.substring(s.lastIndexOf('=') + 1));
            int at = text.indexOf(surface, from);
            int start = 0;
            while (t.start(start) < at) {
                start++;
            }
            int end = start;
            while (end < t.size() && t.end(end) <= at + surface.length()) {
                end++;
            }
            found.add(new Canonicalizer.Found(TextField.BODY, t, start, end, type));
            from = at + surface.length();
        }
        return new Canonicalizer(KNOWN).resolve(found).stream()
                .collect(Collectors.toMap(Entity::name, Function.identity()));
    }

    @Test
    void aKnownPersonsSurnameAloneIsThatPersonWhateverItsTag() {
        Map<String, Entity> e = resolve("Macron said the talks would go on. Officials close to Macron agreed, and "
                        + "the Macron Foundation declined to comment.",
                "Macron=ORG", "Macron=LOC", "Macron Foundation=ORG");
        assertEquals(EntityType.PERSON, e.get("Emmanuel Macron").type(), e.toString());
        assertEquals(2, e.get("Emmanuel Macron").mentions().size());
        assertEquals("Q3052772", e.get("Emmanuel Macron").wikidata());
        assertEquals(EntityType.ORGANIZATION, e.get("Macron Foundation").type(), "a longer span keeps its type");
    }

    @Test
    void shortMentionsJoinTheFullNameAndTakeTheGazetteerName() {
        Map<String, Entity> e = resolve("Venezuelan President Nicolas Maduro spoke. Maduro said Padrino López and "
                        + "Vladimir Padrino López agreed. Putin met Vladimir Putin.",
                "Venezuelan=MISC", "Nicolas Maduro=PER", "Maduro=ORG", "Padrino López=PER",
                "Vladimir Padrino López=PER", "Putin=PER", "Vladimir Putin=PER");
        assertEquals(List.of("Nicolás Maduro", "Venezuelan", "Vladimir Padrino López", "Vladimir Putin"),
                e.keySet().stream().sorted().toList());
        assertEquals(2, e.get("Nicolás Maduro").mentions().size());
        assertEquals(EntityType.PERSON, e.get("Nicolás Maduro").type(), "a surname joins the person whatever its tag");
        assertEquals("VE", e.get("Nicolás Maduro").country());
        assertEquals("Q57413", e.get("Nicolás Maduro").wikidata());
        assertEquals(2, e.get("Vladimir Padrino López").mentions().size());
        assertEquals("RU", e.get("Vladimir Putin").country());
        assertEquals("VE", e.get("Venezuelan").country(), "nationality words link to their country");
    }

    @Test
    void ambiguousSurnamesStayApart() {
        Map<String, Entity> e = resolve("Tom Smith and Anna Smith met. Smith left.",
                "Tom Smith=PER", "Anna Smith=PER", "Smith=PER");
        assertEquals(3, e.size());
    }

    @Test
    void acronymsAndHeadWordsJoinTheirOrganisation() {
        Map<String, Entity> e = resolve("The Revolutionary Armed Forces said RAF troops left. The Forces stayed.",
                "Revolutionary Armed Forces=ORG", "RAF=ORG", "Forces=ORG");
        assertEquals(List.of("Revolutionary Armed Forces"), List.copyOf(e.keySet()));
        assertEquals(3, e.get("Revolutionary Armed Forces").mentions().size());
    }

    @Test
    void knownNamesLinkAndPossessivesTieToACountry() {
        Map<String, Entity> e = resolve("Venezuela's National Assembly met the United States and AFP.",
                "Venezuela=LOC", "National Assembly=ORG", "United States=LOC", "AFP=ORG");
        assertEquals("VE", e.get("Venezuela").country());
        assertEquals("Q717", e.get("Venezuela").wikidata());
        assertEquals("VE", e.get("National Assembly").country());
        assertNull(e.get("National Assembly").wikidata());
        assertEquals("US", e.get("United States").country());
        assertEquals("FR", e.get("Agence France-Presse").country());
    }

    @Test
    void oneNameWithTwoTypesIsTwoEntities() {
        TokenizedText t = NewsTokenizer.tokenize("Seattle beat Boston in Seattle");
        List<Canonicalizer.Found> found = List.of(new Canonicalizer.Found(TextField.BODY, t, 0, 1, 1),
                new Canonicalizer.Found(TextField.BODY, t, 2, 3, 1), new Canonicalizer.Found(TextField.BODY, t, 4, 5, 2));
        List<Entity> entities = new Canonicalizer(KNOWN).resolve(found);
        assertEquals(3, entities.size());
    }

    @Test
    void titlesStayOutsideTheName() {
        Map<String, Entity> e = resolve("Mr. Hallam met Cardinal Ostrander and Senator Wilma Croft.",
                "Mr. Hallam=PER", "Cardinal Ostrander=PER", "Senator Wilma Croft=PER");
        assertEquals(List.of("Hallam", "Ostrander", "Wilma Croft"), e.keySet().stream().sorted().toList());
        Entity croft = e.get("Wilma Croft");
        assertEquals("Wilma Croft", "Mr. Hallam met Cardinal Ostrander and Senator Wilma Croft."
                .substring(croft.mentions().get(0).start(), croft.mentions().get(0).end()));
    }

    @Test
    void descriptorsBeforeAPersonAreTitlesToo() {
        Map<String, Entity> e = resolve("Billionaire Harlan Voss and Airman Tilde Berg spoke.",
                "Billionaire Harlan Voss=PER", "Airman Tilde Berg=PER");
        assertEquals(List.of("Harlan Voss", "Tilde Berg"), e.keySet().stream().sorted().toList());
    }

    @Test
    void aTitleInsideAGluedSpanPartsTwoNames() {
        Map<String, Entity> e = resolve("Brimfield Mayor Tova Quist opened the pier.", "Brimfield Mayor Tova Quist=PER");
        assertEquals(EntityType.LOCATION, e.get("Brimfield").type());
        assertEquals(EntityType.PERSON, e.get("Tova Quist").type());
        assertEquals(2, e.size());
    }

    @Test
    void regnalTitlesStayInTheName() {
        Map<String, Entity> e = resolve("Queen Ingrid IV toured the port.", "Queen Ingrid IV=PER");
        assertEquals(List.of("Queen Ingrid IV"), List.copyOf(e.keySet()));
    }

    @Test
    void aFirstNameOrSurnameJoinsTheFullNameOfTheArticle() {
        Map<String, Entity> e = resolve("Corwin Ashdale testified. Corwin paused; Ashdale went on.",
                "Corwin Ashdale=PER", "Corwin=PER", "Ashdale=PER");
        assertEquals(List.of("Corwin Ashdale"), List.copyOf(e.keySet()));
        assertEquals(3, e.get("Corwin Ashdale").mentions().size());
    }

    @Test
    void casingComesFromTheBestMention() {
        Map<String, Entity> e = resolve("GRANVILLE HARBOUR TRUST said the Granville Harbour Trust would pay.",
                "GRANVILLE HARBOUR TRUST=ORG", "Granville Harbour Trust=ORG");
        assertEquals(List.of("Granville Harbour Trust"), List.copyOf(e.keySet()));
        assertEquals(2, e.get("Granville Harbour Trust").mentions().size());
    }

    @Test
    void shoutedWordsSoftenButNumeralsAndAcronymsStay() {
        Map<String, Entity> e = resolve("NEW Dorwick voters, the U.S. Rail Board and King Oswin VIII met. "
                        + "KESTREL VALLEY FOR PEACE marched.",
                "NEW Dorwick=LOC", "U.S. Rail Board=ORG", "King Oswin VIII=PER", "KESTREL VALLEY FOR PEACE=ORG");
        assertEquals(List.of("Kestrel Valley for Peace", "King Oswin VIII", "New Dorwick", "U.S. Rail Board"),
                e.keySet().stream().sorted().toList());
    }

    @Test
    void spellingVariantsAreOneEntity() {
        Map<String, Entity> e = resolve("The Marine Welfare Organisation and the Marine Welfare Organization agree.",
                "Marine Welfare Organisation=ORG", "Marine Welfare Organization=ORG");
        assertEquals(1, e.size(), e.keySet()::toString);
        assertEquals(2, e.values().iterator().next().mentions().size());
    }

    @Test
    void newspapersAndPlatformsAreOrganisations() {
        Map<String, Entity> e = resolve("The Harlow Gazette quoted a post on Facebook.",
                "Harlow Gazette=LOC", "Facebook=LOC");
        assertEquals(EntityType.ORGANIZATION, e.get("Harlow Gazette").type());
        assertEquals(EntityType.ORGANIZATION, e.get("Facebook").type());
    }

    @Test
    void aSurnameTypedAsAPlaceJoinsThePerson() {
        Map<String, Entity> e = resolve("Agent Linus Vardy resigned. Vardy denied it.",
                "Linus Vardy=PER", "Vardy=LOC");
        assertEquals(List.of("Linus Vardy"), List.copyOf(e.keySet()));
    }
}
