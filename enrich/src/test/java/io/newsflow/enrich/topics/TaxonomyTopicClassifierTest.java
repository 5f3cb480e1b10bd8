package io.newsflow.enrich.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.enrich.entities.Gazetteer;
import io.newsflow.enrich.entities.RuleBasedEntityExtractor;
import io.newsflow.events.Article;
import io.newsflow.events.Entity;
import io.newsflow.events.EntityType;
import io.newsflow.events.EvidenceSpan;
import io.newsflow.events.Mention;
import io.newsflow.events.TextField;
import io.newsflow.events.TopicScore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hand-written articles for each label, the negative cues, evidence offsets and a label added by a user. */
class TaxonomyTopicClassifierTest {
    static final TaxonomyTopicClassifier CLASSIFIER = TaxonomyTopicClassifier.loadDefault();
    static final RuleBasedEntityExtractor EXTRACTOR = new RuleBasedEntityExtractor(Gazetteer.loadDefault());

    static Article article(String title, String body) {
        return new Article(1, "t", "test", null, title, body, null, null, Instant.EPOCH, "en");
    }

    static TopicClassifier.Result classify(TopicClassifier c, Article a) {
        return c.classify(a, EXTRACTOR.extract(a));
    }

    static Map<String, TopicScore> scores(TopicClassifier.Result r) {
        return r.topics().stream().collect(Collectors.toMap(TopicScore::label, Function.identity()));
    }

    static final Article DIPLOMACY = article("Foreign ministers agree to resume border talks",
            "The foreign ministers of Chile and Argentina agreed on Tuesday to resume talks on their disputed "
                    + "border, after a two-day summit in Santiago.\n\n"
                    + "The two governments will send negotiators to a bilateral commission, and ambassadors will "
                    + "return to both capitals next month, the Chilean foreign ministry said.\n\n"
                    + "Diplomats said a treaty could be signed before the end of the year. The United Nations "
                    + "welcomed the agreement and offered mediation if the negotiations stall.");
    static final Article MILITARY = article("Army deploys troops and tanks for Baltic exercise",
            "Poland's army deployed 3,000 troops, tanks and artillery to the north-east on Monday for a military "
                    + "exercise near the Baltic coast.\n\n"
                    + "The defence ministry said fighter jets and air defence units would join the drills, which "
                    + "NATO allies will observe. Soldiers will practise river crossings with live ammunition.\n\n"
                    + "The armed forces have increased the number of exercises since the war in Ukraine began.");
    static final Article ENERGY = article("Oil prices rise as OPEC holds output steady",
            "Crude oil prices rose on Thursday after OPEC and its allies kept production unchanged, and Brent "
                    + "crude traded above $85 a barrel.\n\n"
                    + "Refinery demand for crude is strong, and gasoline and diesel stocks fell last week. Natural gas "
                    + "prices also rose as pipeline flows from Norway slowed.");

    @Test
    void eachLabelOnItsOwnStory() {
        assertEquals(List.of("diplomacy"), classify(CLASSIFIER, DIPLOMACY).labels());
        assertEquals(List.of("military"), classify(CLASSIFIER, MILITARY).labels());
        assertEquals(List.of("energy"), classify(CLASSIFIER, ENERGY).labels());
    }

    @Test
    void scoresAreCalibratedProbabilitiesWithIptcCodes() {
        Map<String, TopicScore> s = scores(classify(CLASSIFIER, ENERGY));
        assertTrue(s.get("energy").score() > 0.9, s.toString());
        assertTrue(s.get("military").score() < 0.1 && s.get("diplomacy").score() < 0.5, s.toString());
        assertEquals(List.of("medtop:20000256"), s.get("energy").iptc());
        assertEquals(List.of("medtop:16000000", "medtop:20000056", "medtop:20000598"), s.get("military").iptc());
    }

    @Test
    void aPassingMentionInALongStoryIsNotTheTopic() {
        String filler = "The council debated the new school timetable and the cost of bus passes for pupils. ";
        Article local = article("Council approves school budget",
                filler.repeat(10) + "\n\nOne councillor, a former soldier, said the plan was clear.\n\n"
                        + filler.repeat(10));
        assertEquals(List.of(), classify(CLASSIFIER, local).labels());
        assertTrue(scores(classify(CLASSIFIER, local)).get("military").score() > 0.0);
    }

    @Test
    void battleInASportsStoryIsNotWar() {
        Article sport = article("Hearts win the battle for the title",
                "Hearts won the battle for the title on Saturday. Their striker scored twice and the midfielder "
                        + "hit the post in a Premier League match watched by 20,000 fans.\n\n"
                        + "The goalkeeper's defence of the lead in the last minutes was heroic, the coach said.");
        TopicClassifier.Result r = classify(CLASSIFIER, sport);
        assertFalse(r.labels().contains("military"), r.topics().toString());
        assertTrue(scores(r).get("military").evidenceSpans().stream().anyMatch(s -> s.weight() < 0),
                "negative cues show in the evidence spans with a negative weight");
    }

    @Test
    void aPowerForwardOrPalmOilIsNotEnergy() {
        Article basketball = article("Power forward signs with the Lakers",
                "The power forward signed a two-year deal on Monday. He scored 20 points a game last season.");
        Article palm = article("Palm oil exports rise",
                "Malaysian palm oil exports rose 5 pct in March, and soybean oil prices in Chicago fell, traders "
                        + "said. Vegetable oil demand from India was strong.");
        assertFalse(classify(CLASSIFIER, basketball).labels().contains("energy"));
        TopicClassifier.Result r = classify(CLASSIFIER, palm);
        assertFalse(r.labels().contains("energy"), r.topics().toString());
        assertFalse(scores(r).get("energy").evidence().contains("oil"), "oil inside 'palm oil' does not count");
    }

    @Test
    void titleWeighsMoreThanTheSamePhraseLater() {
        String filler = "The weather in the capital was mild for the season and markets were calm. ";
        Article inTitle = article("Warship sails", filler.repeat(8));
        Article inBody = article("Ship sails", filler.repeat(8) + "A warship sails.");
        double t = scores(classify(CLASSIFIER, inTitle)).get("military").score();
        double b = scores(classify(CLASSIFIER, inBody)).get("military").score();
        assertTrue(t > b, t + " vs " + b);
    }

    @Test
    void inflectedFormsMatch() {
        assertEquals(TextIndex.stem("warship"), TextIndex.stem("warships"));
        assertEquals(TextIndex.stem("negotiate"), TextIndex.stem("negotiated"));
        assertEquals(TextIndex.stem("policy"), TextIndex.stem("policies"));
        assertEquals(TextIndex.stem("ship"), TextIndex.stem("shipping"));
        assertEquals(TextIndex.stem("sanction"), TextIndex.stem("sanctions"));
        assertFalse(TextIndex.stem("tank").equals(TextIndex.stem("tanker")));
    }

    @Test
    void entityCuesCount() {
        Article a = article("Statement", "The statement was published on Monday.");
        Entity opec = new Entity("OPEC", EntityType.ORGANIZATION, List.of(new Mention(TextField.BODY, 4, 13)));
        double without = scores(CLASSIFIER.classify(a, List.of())).get("energy").score();
        TopicClassifier.Result with = CLASSIFIER.classify(a, List.of(opec));
        assertTrue(scores(with).get("energy").score() > without);
        assertTrue(scores(with).get("energy").evidence().contains("OPEC"));
    }

    @Test
    void evidenceOffsetsMapBackToTheText() {
        for (Article a : List.of(DIPLOMACY, MILITARY, ENERGY)) {
            for (TopicScore t : classify(CLASSIFIER, a).topics()) {
                for (EvidenceSpan s : t.evidenceSpans()) {
                    assertEquals(s.text(), a.field(s.field()).substring(s.start(), s.end()), t.label());
                }
            }
        }
        TopicScore energy = scores(classify(CLASSIFIER, ENERGY)).get("energy");
        EvidenceSpan top = energy.evidenceSpans().get(0);
        assertEquals(TextField.TITLE, top.field(), "the title counts most");
        assertTrue(energy.evidence().size() <= 8 && energy.evidence().contains("opec"), energy.evidence()::toString);
    }

    @Test
    void deterministic() {
        assertEquals(classify(CLASSIFIER, MILITARY), classify(CLASSIFIER, MILITARY));
        assertEquals(classify(CLASSIFIER, DIPLOMACY), classify(TaxonomyTopicClassifier.loadDefault(), DIPLOMACY));
    }

    @Test
    void userAddedLabelTakesEffectWithoutCodeChanges(@TempDir Path dir) throws Exception {
        String shipped = new String(Taxonomy.class.getClassLoader().getResourceAsStream(Taxonomy.DEFAULT_RESOURCE)
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        String narcotics = """
                {"id": "narcotics", "name": "Drug trafficking", "iptc": ["medtop:20000104"], "threshold": 0.5,
                 "calibration": {"midpoint": 4.0, "slope": 0.8},
                 "terms": {"cocaine": 2.5, "heroin": 2.5, "drug trafficking": 3, "cartel": 2, "smuggle": 1.5},
                 "negative_cues": {"prescription drug": 1}},
                """;
        Path file = dir.resolve("taxonomy.json");
        Files.writeString(file, shipped.replace("\"labels\": [", "\"labels\": [" + narcotics));
        TaxonomyTopicClassifier c = new TaxonomyTopicClassifier(Taxonomy.load(file));
        assertEquals(List.of("narcotics", "diplomacy", "military", "energy"), c.labels());
        Article bust = article("Police seize cocaine from cartel boat",
                "Police seized two tonnes of cocaine smuggled by a cartel on a fishing boat, the biggest drug "
                        + "trafficking case this year.");
        assertEquals(List.of("narcotics"), classify(c, bust).labels());
        assertEquals(List.of("medtop:20000104"), scores(classify(c, bust)).get("narcotics").iptc());
        assertEquals(List.of("energy"), classify(c, ENERGY).labels(), "the shipped labels are unchanged");
    }
}
