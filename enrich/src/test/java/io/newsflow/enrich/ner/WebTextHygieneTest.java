package io.newsflow.enrich.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each hygiene rule on sentences written for this test, with the spans a tagger might have found in them. */
class WebTextHygieneTest {
    static final WebTextHygiene HYGIENE = WebTextHygiene.load(CanonicalizerTest.KNOWN);

    /** Spans given as "Surface=TYPE" in order; returns the surfaces that survive, in order. */
    static List<String> kept(String title, String body, String... spans) {
        TokenizedText tt = NewsTokenizer.tokenize(title);
        TokenizedText bt = NewsTokenizer.tokenize(body);
        List<int[]> ts = new ArrayList<>();
        List<int[]> bs = new ArrayList<>();
        int from = 0;
        for (String s : spans) {
            boolean inTitle = s.startsWith("T:");
            String spec = inTitle ? s.substring(2) : s;
            String surface = spec.substring(0, spec.lastIndexOf('='));
            TokenizedText t = inTitle ? tt : bt;
            int at = t.text().indexOf(surface, inTitle ? 0 : from);
            int start = 0;
            while (t.start(start) < at) {
                start++;
            }
            int end = start;
            while (end < t.size() && t.end(end) <= at + surface.length()) {
                end++;
            }
            (inTitle ? ts : bs).add(new int[] {start, end, List.of(NerModel.TYPES).indexOf(spec.substring(spec.lastIndexOf('=') + 1))});
            if (!inTitle) {
                from = at + surface.length();
            }
        }
        List<List<int[]>> out = HYGIENE.filter(List.of(tt, bt), new boolean[] {true, false}, List.of(ts, bs));
        List<String> names = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            TokenizedText t = k == 0 ? tt : bt;
            for (int[] s : out.get(k)) {
                names.add((k == 0 ? "T:" : "") + t.text().substring(t.start(s[0]), t.end(s[1] - 1)));
            }
        }
        return names;
    }

    @Test
    void siteFurnitureGivesNoEntity() {
        assertEquals(List.of("Marta Olsen"), kept("Harbour reopens",
                "Marta Olsen opened the harbour.\nBy clicking you accept our Privacy Policy and Terms of Use.\n"
                        + "Subscribe to the Daily Ledger newsletter.\nThe Long Winter: A Novel Best Price: $9.10 Buy "
                        + "New $7.00",
                "Marta Olsen=PER", "Privacy Policy and Terms of Use=ORG", "Subscribe=ORG", "Daily Ledger=ORG",
                "Best Price=MISC", "Buy New=MISC"));
    }

    @Test
    void shareCountersAndButtonRowsGiveNoEntityButSharesInProseStay() {
        assertEquals(List.of("Ivo Brandt", "Kestrel Motors", "Facebook"), kept("Mill closes",
                "1.2k SHARES Facebook Twitter\nFacebook Twitter WhatsApp Email\nIvo Brandt sold 5,000 shares of "
                        + "Kestrel Motors on Monday.\nHe said Facebook and the bank had called him.",
                "SHARES=ORG", "Facebook Twitter=ORG", "Facebook Twitter WhatsApp Email=ORG", "Ivo Brandt=PER",
                "Kestrel Motors=ORG", "Facebook=ORG"));
    }

    @Test
    void photoCreditsAndAgencyTailsGiveNoEntity() {
        assertEquals(List.of("Lake Vorn", "Tessa Lind"), kept("Lake rises",
                "Boats on Lake Vorn (Photo by Karl Berg/Northwind Agency)\nTessa Lind said the lake rose.\n"
                        + "Reporting by Ola Dahl; Editing by Per Sund",
                "Lake Vorn=LOC", "Karl Berg=PER", "Northwind Agency=ORG", "Tessa Lind=PER", "Ola Dahl=PER",
                "Per Sund=PER"));
    }

    @Test
    void aPlaceGluedToACreditKeepsItsWords() {
        assertEquals(List.of("New York"), kept("Vote held",
                "Delegates vote in New York Photo by IDA MORK/Civic Wire", "New York Photo=LOC", "IDA MORK=PER"));
    }

    @Test
    void aDatelineWithADateGivesNoEntity() {
        assertEquals(List.of("Mira Holt"), kept("Port reopens",
                "KESTREL BAY, Fjordland, Aug 24 (Coast Ledger) - Mira Holt reopened the port on Monday.",
                "KESTREL BAY=LOC", "Fjordland=LOC", "Aug=MISC", "Coast Ledger=ORG", "Mira Holt=PER"));
    }

    @Test
    void anAllCapsDatelineGivesNoEntity() {
        assertEquals(List.of("Ronja Vik"), kept("Bridge shut",
                "FJELLBY, Norway (Nordwire) - Ronja Vik shut the bridge on Monday.",
                "FJELLBY=LOC", "Norway=LOC", "Nordwire=ORG", "Ronja Vik=PER"));
    }

    @Test
    void noEntityInsideAnAddressOrHandle() {
        assertEquals(List.of("Ivo Brandt"), kept("Mail bag",
                "Ivo Brandt wrote from ivo.brandt@Kestrel.org, see https://Kestrel.org/Brandt and follow "
                        + "@KestrelNews #BrandtReport",
                "Ivo Brandt=PER", "Kestrel.org=ORG", "https://Kestrel.org/Brandt=ORG", "KestrelNews=ORG",
                "BrandtReport=MISC"));
    }

    @Test
    void aTitleCaseHeadlineKeepsOnlyConfirmedNames() {
        assertEquals(List.of("T:Ada Moss", "T:Venezuela", "Ada Moss"), kept(
                "Bail Denied As Ada Moss Flies Back From Venezuela Summit",
                "The judge denied bail to Ada Moss, who flew back home.",
                "T:Bail=ORG", "T:Ada Moss Flies=PER", "T:Back=MISC", "T:Venezuela Summit=MISC", "Ada Moss=PER"));
    }

    @Test
    void aSentenceCaseHeadlineIsTrusted() {
        assertEquals(List.of("T:Ada Moss", "T:Kelby"), kept("Ada Moss wins the vote in Kelby",
                "The vote was close.", "T:Ada Moss=PER", "T:Kelby=LOC"));
    }

    @Test
    void aLoneCommonWordOrOneWrittenInLowerCaseIsNoName() {
        assertEquals(List.of("Committee of Ports", "Rolf Amsel", "Rolf"), kept("Ports",
                "Listen: the Committee of Ports met. Church leaders and the church choir came. Rolf Amsel spoke. "
                        + "Committee members cheered Rolf.",
                "Listen=MISC", "Committee of Ports=ORG", "Church=ORG", "Rolf Amsel=PER", "Committee=ORG",
                "Rolf=PER"));
    }

    @Test
    void quotesAndBulletsAreTrimmed() {
        assertEquals(List.of("Nadia Holm"), kept("Note", "\u2022 \u201cNadia Holm\u201d arrived.",
                "\u2022 \u201cNadia Holm\u201d=PER"));
    }

    @Test
    void aSitePollGivesNoEntity() {
        assertEquals(List.of("Edda Lund"), kept("Ferry fares",
                "Edda Lund cut the fares.\nWho should chair the Ferry Board? Who should chair the Ferry Board?\n"
                        + "Who should chair the Ferry Board? "
                        + "* Nils Arvid Siv Holm\nvote in our poll - story continues below\nIs Ola Brekke right?",
                "Edda Lund=PER", "Ferry Board=ORG", "Ferry Board=ORG", "Ferry Board=ORG", "Nils Arvid=PER",
                "Ola Brekke=PER"));
    }

    @Test
    void aHeadlineCitedInProseKeepsOnlyConfirmedNames() {
        assertEquals(List.of("Lena Fosse", "Lena Fosse", "Kim Dale"), kept("Port deal",
                "Lena Fosse signed. See Port Board Wrestles With Lena Fosse Over Harbour Fees, by Kim Dale.",
                "Lena Fosse=PER", "Port Board Wrestles=ORG", "Lena Fosse Over Harbour Fees=PER", "Kim Dale=PER"));
    }

    @Test
    void partyTagsLoneAbbreviationsAndShoutedHeadlinesGiveNoGuess() {
        assertEquals(List.of("Orla Penn", "ORLA PENN"), kept("Dam vote",
                "Sen. Orla Penn (D-Ore.) voted.\nHARBOUR BOARD SUES TO STOP REP. ORLA PENN FROM VOTING\n"
                        + "The St. Brendan bridge is open.",
                "Orla Penn=PER", "D-Ore.=ORG", "HARBOUR BOARD=ORG", "REP=MISC", "ORLA PENN=PER", "St.=LOC"));
    }
}
