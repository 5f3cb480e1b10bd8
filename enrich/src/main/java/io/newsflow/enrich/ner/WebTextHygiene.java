package io.newsflow.enrich.ner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tagged span stays an entity only where a reader would see a name of the story: site furniture (subscribe,
 * privacy, poll and price lines), photo credits, agency tails, all-caps datelines and web addresses or handles
 * give none; a title-case headline keeps only names confirmed elsewhere in the article or by the gazetteer; a lone
 * capitalised word that the article also writes in lower case, or a common English word, is dropped.
 * The text is never edited: spans are filtered, trimmed or cut to sub-spans, so offsets still point into it.
 */
public final class WebTextHygiene {
    static final String COMMON_WORDS = "hygiene/common-words.txt";

    /** Sentences that belong to the site, not the story; matched case-insensitively on the sentence text. */
    static final Pattern BOILERPLATE = Pattern.compile("(?i)\\b(subscribe|subscription|newsletter|privacy policy"
            + "|terms of (use|service)|cookie policy|all rights reserved|copyright \\d{4}|read more|click here"
            + "|follow (us|me) on|follow on (twitter|facebook|instagram|youtube)|share (this|on (twitter|facebook))"
            + "|sign up (for|to) our|email sign up|opt out at any ?time|this field is for validation"
            + "|completing this poll|take our poll|story continues below|best price|buy new|add to cart"
            + "|posted with permission|originally published|related (articles|stories|posts)|advertisement)\\b"
            + "|\u00a9|\\?\\s*\\*\\s+\\p{Lu}"
            // a share counter ("53 SHARES"; capitals only, so "sold 5,000 shares of Apple" is not furniture) and a
            // line of nothing but share buttons ("Facebook Twitter WhatsApp Email")
            + "|(?-i:^\\W*\\d[\\d,.]*[KkMm]?\\s+SHARES\\b)"
            + "|^(\\W*(facebook|twitter|whatsapp|pinterest|linkedin|reddit|telegram|email|print|share)\\W*){2,}$");
    /** Where a photo credit or caption credit starts; everything after it in the sentence (or bracket) goes. */
    static final Pattern CREDIT = Pattern.compile("(?i)\\b(photo|photograph|foto|image|picture)s?\\s*(:|by\\b|de\\b"
            + "|credit)|\\bgetty images\\b|\\b(ap|afp|epa|reuters|efe|xinhua)\\s*(photo\\b|/)|/\\s*(ap|afp|epa|reuters"
            + "|getty|efe|xinhua|shutterstock|anadolu)\\b|\\bcourtesy of\\b|\\bfile photo\\b|\\bcredit:"
            + "|\\b(additional reporting|reporting|editing|writing|compiled) by\\b");
    /** A lawmaker's party and state: "R-IA", "D-Calif.". */
    static final Pattern PARTY_TAG = Pattern.compile("[RDI]-[A-Z][A-Za-z]{1,4}\\.?");
    /** A word of each {@link #BOILERPLATE} phrase, as written in lower, title and upper case. */
    static final Set<String> FURNITURE_CUES = cues("subscribe", "subscription", "newsletter", "privacy", "terms",
            "cookie", "rights", "copyright", "read", "click", "follow", "share", "sign", "email", "opt", "field",
            "completing", "poll", "story", "best", "buy", "add", "posted", "originally", "related", "advertisement",
            "\u00a9", "*", "e-mail", "shares", "facebook", "twitter", "whatsapp", "pinterest", "linkedin", "reddit",
            "telegram");
    /** A word of each {@link #CREDIT} pattern, in the same three casings. */
    static final Set<String> CREDIT_CUES = cues("photo", "photos", "photograph", "photographs", "foto", "fotos",
            "image", "images", "picture", "pictures", "getty", "ap", "afp", "epa", "reuters", "efe", "xinhua",
            "shutterstock", "anadolu", "courtesy", "file", "credit", "credits", "reporting", "editing", "writing",
            "compiled", "/");

    private static Set<String> cues(String... words) {
        Set<String> set = new HashSet<>();
        for (String w : words) {
            set.add(w);
            set.add(w.toUpperCase(Locale.ROOT));
            set.add(Character.toUpperCase(w.charAt(0)) + w.substring(1));
        }
        return Set.copyOf(set);
    }

    /** Words that headlines may leave in lower case: they neither prove nor disprove title case. */
    static final Set<String> FUNCTION_WORDS = Set.of("a", "an", "the", "of", "in", "on", "at", "to", "for", "and",
            "or", "but", "nor", "with", "by", "from", "as", "into", "onto", "via", "vs", "per", "than", "is", "are");

    /** Common Spanish words, for {@link #spanish}. */
    static final String COMMON_WORDS_ES = "hygiene/common-words-es.txt";

    private final KnownEntities known;
    private final Set<String> common;
    /**
     * Whether a lone capitalised word written in lower case elsewhere in the article is dropped only at a sentence
     * start. Spanish capitalises an institution and writes the same noun or adjective in lower case ("el Gobierno"
     * and "el gobierno regional", "Telefónica" and "la operadora telefónica"), so mid-sentence capitals stand.
     */
    private final boolean lowerCaseOnlyAtSentenceStart;
    /**
     * Whether a full stop a span ends with comes off it. CoNLL-2002 Spanish often writes the sentence's full stop
     * into its last token ("Castilla."), so its model may take a full stop into a name ("Universidad Renacentista.").
     */
    private final boolean trimFullStops;

    public WebTextHygiene(KnownEntities known, Set<String> common) {
        this(known, common, false, false);
    }

    WebTextHygiene(KnownEntities known, Set<String> common, boolean lowerCaseOnlyAtSentenceStart,
                   boolean trimFullStops) {
        this.known = known;
        this.common = common;
        this.lowerCaseOnlyAtSentenceStart = lowerCaseOnlyAtSentenceStart;
        this.trimFullStops = trimFullStops;
    }

    /** The hygiene of English text: English common words, lower-case evidence anywhere. */
    public static WebTextHygiene load(KnownEntities known) {
        return new WebTextHygiene(known, words(COMMON_WORDS));
    }

    /**
     * The hygiene of Spanish text: Spanish common words ({@code hygiene/common-words-es.txt}), a word the article
     * also writes in lower case dropped only where it starts a sentence, and no full stop at the end of a name.
     */
    public static WebTextHygiene spanish(KnownEntities known) {
        return new WebTextHygiene(known, words(COMMON_WORDS_ES), true, true);
    }

    private static Set<String> words(String resource) {
        Set<String> words = new HashSet<>();
        try (InputStream in = WebTextHygiene.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource missing: " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    words.add(line.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    private static final byte KEEP = 0;
    private static final byte DROP = 1;
    private static final byte HEADLINE = 2;

    /**
     * The spans ({start, end, type} token ranges) of each text that survive, in order. {@code titles[k]} says text
     * k is a headline field, whose capitals are never trusted when it is written in title case.
     */
    public List<List<int[]>> filter(List<TokenizedText> texts, boolean[] titles, List<List<int[]>> spans) {
        int n = texts.size();
        byte[][] zones = new byte[n][];
        List<List<int[]>> trimmed = new ArrayList<>(n);
        Set<String> lower = new HashSet<>();
        for (TokenizedText t : texts) {
            for (int i = 0; i < t.size; i++) {
                String w = t.words[i];
                if (Character.isLowerCase(w.charAt(0))) {
                    // Most lower-case words are already their own folded form: no copy for them.
                    lower.add(plainLower(w) ? w : KnownEntities.fold(w));
                }
            }
        }
        for (int k = 0; k < n; k++) {
            TokenizedText t = texts.get(k);
            zones[k] = zones(t, titles[k], lower);
            List<int[]> kept = new ArrayList<>(spans.get(k).size());
            for (int[] s : spans.get(k)) {
                int[] c = trim(t, trimFullStops ? withoutFullStop(t, s) : s);
                c = c == null ? null : trim(t, outsideDropped(zones[k], c));
                if (c != null && !inAddress(t, c[0], c[1])) {
                    kept.add(c);
                }
            }
            trimmed.add(kept);
        }
        // Words of people's names seen in trusted text: "May" after "Theresa May" is a name, not the month; the
        // "Committee" of "Committee of Ports" is still a common word on its own.
        Set<String> nameWords = new HashSet<>();
        for (int k = 0; k < n; k++) {
            for (int[] s : trimmed.get(k)) {
                if (s[2] == 0 && s[1] - s[0] > 1 && zone(zones[k], s) == KEEP) {
                    for (int i = s[0]; i < s[1]; i++) {
                        nameWords.add(KnownEntities.fold(texts.get(k).words[i]));
                    }
                }
            }
        }
        boolean headlines = false;
        for (int k = 0; k < n && !headlines; k++) {
            for (int[] s : trimmed.get(k)) {
                headlines |= zone(zones[k], s) == HEADLINE;
            }
        }
        // Names the article confirms outside its headlines, with every tail ("Kavanaugh" of "Brett Kavanaugh"),
        // gathered only when a headline needs them.
        Map<String, Integer> confirmed = new HashMap<>();
        List<List<int[]>> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            TokenizedText t = texts.get(k);
            List<int[]> kept = new ArrayList<>();
            for (int[] s : trimmed.get(k)) {
                if (zone(zones[k], s) == KEEP && !weak(t, s, lower, nameWords)) {
                    kept.add(s);
                    if (!headlines) {
                        continue;
                    }
                    for (int i = s[0]; i < s[1]; i++) {
                        confirmed.putIfAbsent(fold(t, i, s[1]), s[2]);
                    }
                    if (s[2] == 0 && s[1] - s[0] > 1) {
                        confirmed.putIfAbsent(fold(t, s[0], s[0] + 1), 0);
                    }
                }
            }
            out.add(kept);
        }
        for (int k = 0; k < n && headlines; k++) {
            TokenizedText t = texts.get(k);
            List<int[]> kept = new ArrayList<>();
            for (int[] s : trimmed.get(k)) {
                byte z = zone(zones[k], s);
                if (z == HEADLINE) {
                    confirmedParts(t, s, confirmed, kept);
                }
            }
            if (!kept.isEmpty()) {
                kept.addAll(out.get(k));
                kept.sort((a, b) -> Integer.compare(a[0], b[0]));
                out.set(k, kept);
            }
        }
        return out;
    }

    /**
     * A span that runs into a credit or dateline keeps its words before it ("New York" of "New York Photo by ..."),
     * or else those after it.
     */
    private static int[] outsideDropped(byte[] zones, int[] s) {
        int a = s[0];
        while (a < s[1] && zones[a] != DROP) {
            a++;
        }
        if (a == s[1]) {
            return s;
        }
        if (a > s[0]) {
            return new int[] {s[0], a, s[2]};
        }
        int b = s[1];
        while (b > s[0] && zones[b - 1] != DROP) {
            b--;
        }
        return new int[] {b, s[1], s[2]};
    }

    private static boolean plainLower(String w) {
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (c >= 128 || Character.isUpperCase(c)) {
                return false;
            }
        }
        return true;
    }

    /** The most restrictive zone of the span's tokens. */
    private static byte zone(byte[] zones, int[] s) {
        byte z = KEEP;
        for (int i = s[0]; i < s[1]; i++) {
            if (zones[i] == DROP) {
                return DROP;
            }
            z = (byte) Math.max(z, zones[i]);
        }
        return z;
    }

    private static String fold(TokenizedText t, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (i > from) {
                sb.append(' ');
            }
            sb.append(t.words[i]);
        }
        return KnownEntities.fold(sb.toString());
    }

    /** The span without the lone "." token it ends with, if it does. */
    private static int[] withoutFullStop(TokenizedText t, int[] s) {
        return s[1] - s[0] > 1 && t.words[s[1] - 1].equals(".") ? new int[] {s[0], s[1] - 1, s[2]} : s;
    }

    /** Quotes, bullets and dashes at either end are not part of a name (brackets may be: "Mladost (BJ)"). */
    static int[] trim(TokenizedText t, int[] s) {
        if (s[0] >= s[1]) {
            return null;
        }
        int a = s[0];
        int b = s[1];
        while (a < b && stripped(t.words[a])) {
            a++;
        }
        while (b > a && stripped(t.words[b - 1])) {
            b--;
        }
        return a == b ? null : a == s[0] && b == s[1] ? s : new int[] {a, b, s[2]};
    }

    private static boolean stripped(String w) {
        return STRIPPED.indexOf(w.charAt(0)) >= 0 && !Features.hasLetter(w);
    }

    private static final String STRIPPED = "\"'`\u201c\u201d\u2018\u2019\u00ab\u00bb\u2022\u00b7\u25cf\u25aa\u25ba*-\u2013\u2014|";

    /** Part of a URL, an e-mail address, an @handle or a #hashtag. */
    static boolean inAddress(TokenizedText t, int a, int b) {
        for (int i = a; i < b; i++) {
            String w = t.words[i];
            if (w.indexOf('@') >= 0 || w.contains("://") || w.startsWith("www.")) {
                return true;
            }
        }
        if (a > 0 && t.ends[a - 1] == t.starts[a]) {
            String before = t.words[a - 1];
            if (before.equals("@") || before.equals("#") || before.equals("/") || before.endsWith("@")) {
                return true;
            }
        }
        return b < t.size && t.starts[b] == t.ends[b - 1] && (t.words[b].equals("@") || t.words[b].equals("/"));
    }

    /**
     * A lone capitalised word that is no known name and no word of a longer name here, and that the article also
     * writes in lower case or that is a common English word: a headline or sentence-initial capital, not a name.
     */
    private boolean weak(TokenizedText t, int[] s, Set<String> lower, Set<String> nameWords) {
        if (PARTY_TAG.matcher(t.text.substring(t.starts[s[0]], t.ends[s[1] - 1])).matches()) {
            return true; // "(R-IA)" after a lawmaker's name
        }
        if (s[1] - s[0] != 1) {
            return false;
        }
        String w = t.words[s[0]];
        if (!Features.hasLetter(w)) {
            return true;
        }
        if (w.endsWith(".") && NewsTokenizer.ABBREVIATIONS.contains(w.substring(0, w.length() - 1))) {
            return true; // a lone "St." cut off its name
        }
        String f = KnownEntities.fold(w);
        if (known.lookup(w) != null || nameWords.contains(f)) {
            return false;
        }
        if (Features.allCaps(w) && w.length() > 1) {
            return f.equals("ok");
        }
        boolean lowerCounts = !lowerCaseOnlyAtSentenceStart || opensSentence(t, s[0]);
        return lowerCounts && lower.contains(f) || common.contains(f);
    }

    /** The first word of its sentence, after any opening quotes, dashes or brackets ("«Hemos ..."). */
    static boolean opensSentence(TokenizedText t, int i) {
        while (i > 0 && !t.sentenceStarts[i]) {
            i--;
            if (Features.hasLetter(t.words[i]) || Character.isDigit(t.words[i].charAt(0))) {
                return false;
            }
        }
        return true;
    }

    /** The longest runs of a headline span that the article or the gazetteer confirm as names. */
    private void confirmedParts(TokenizedText t, int[] s, Map<String, Integer> confirmed, List<int[]> out) {
        int i = s[0];
        while (i < s[1]) {
            int found = 0;
            int type = -1;
            for (int len = Math.min(6, s[1] - i); len >= 1 && found == 0; len--) {
                String surface = t.text.substring(t.starts[i], t.ends[i + len - 1]);
                KnownEntities.Entry e = known.lookup(surface);
                Integer c = confirmed.get(fold(t, i, i + len));
                if (e != null || c != null) {
                    found = len;
                    type = e != null ? KnownEntities.typeIndex(e.type()) : c;
                }
            }
            if (found > 0) {
                out.add(new int[] {i, i + found, type});
                i += found;
            } else {
                i++;
            }
        }
    }

    /** Marks each token KEEP, DROP (site furniture, credit, dateline) or HEADLINE (title case, capitals untrusted). */
    byte[] zones(TokenizedText t, boolean title, Set<String> lower) {
        byte[] z = new byte[t.size];
        if (title && titleCase(t, 0, t.size, z)) {
            java.util.Arrays.fill(z, HEADLINE);
        }
        int s = 0;
        String previous = "";
        int previousStart = -1;
        boolean previousFurniture = false;
        while (s < t.size) {
            int e = t.sentenceEnd(s);
            // The patterns run only on sentences holding one of their words: a regex over every sentence would
            // cost more than tagging it.
            boolean furnitureCue = false;
            boolean creditCue = false;
            for (int i = s; i < e; i++) {
                furnitureCue |= FURNITURE_CUES.contains(t.words[i]);
                creditCue |= CREDIT_CUES.contains(t.words[i]);
            }
            String sentence = t.text.substring(t.starts[s], t.ends[e - 1]);
            boolean question = t.words[e - 1].equals("?");
            if (sentence.equals(previous)) {
                // A form label repeated back to back ("Whom do you favour? Whom do you favour?") is a web form.
                java.util.Arrays.fill(z, previousStart, e, DROP);
                previousFurniture = true;
            } else if (furnitureCue && BOILERPLATE.matcher(sentence).find() || previousFurniture && question) {
                // The question right after a poll's furniture is the poll's own question.
                java.util.Arrays.fill(z, s, e, DROP);
                previousFurniture = true;
            } else {
                previousFurniture = false;
                Matcher m = creditCue ? CREDIT.matcher(sentence) : null;
                if (m != null && m.find()) {
                    dropCredit(t, s, e, t.starts[s] + m.start(), z);
                }
                if (!title && !endsLikeProse(t, e) && titleCase(t, s, e, z) && headlineWords(t, s, e, lower, z)) {
                    for (int i = s; i < e; i++) {
                        z[i] = z[i] == DROP ? DROP : HEADLINE;
                    }
                }
                if (lineStart(t, s)) {
                    dropDateline(t, s, e, z);
                }
            }
            previous = sentence;
            previousStart = s;
            s = e;
        }
        if (!title) {
            markCitedHeadlines(t, z);
            markShoutedLines(t, z);
        }
        return z;
    }

    /** Short words that a headline capitalises and a name does not, except at its start ("Bank of America"). */
    static final Set<String> HEADLINE_LINKS = Set.of("with", "of", "to", "in", "on", "for", "at", "by", "from", "as",
            "and", "the", "is", "are", "it", "what", "who", "how", "why", "before", "after", "over", "into",
            "against", "about", "amid", "its", "his", "her", "their", "a", "an");

    /**
     * A headline cited inside prose ("see Mayor Wrestles With Port Deal, Daily Ledger"): five or more capitalised
     * words in a row, one of them a capitalised short word after the first. Its names need confirming too.
     */
    private static void markCitedHeadlines(TokenizedText t, byte[] z) {
        int run = 0;
        boolean link = false;
        for (int i = 0; i <= t.size; i++) {
            // Title-case words only: a shouted line is judged as a sentence, and a new sentence starts a new run.
            boolean cap = i < t.size && Character.isUpperCase(t.words[i].charAt(0)) && !Features.allCaps(t.words[i])
                    && !(t.sentenceStarts[i] && run > 0);
            if (cap) {
                link |= run > 0 && HEADLINE_LINKS.contains(t.words[i].toLowerCase(Locale.ROOT));
                run++;
                continue;
            }
            if (run >= 5 && link) {
                for (int k = i - run; k < i; k++) {
                    z[k] = z[k] == DROP ? DROP : HEADLINE;
                }
            }
            run = 0;
            link = false;
        }
    }

    /**
     * From the credit's first word to the end of its bracket or sentence; the photographer's name before a slash
     * ("Jane Roe/AFP/Getty Images") goes with it.
     */
    private static void dropCredit(TokenizedText t, int s, int e, int at, byte[] z) {
        int i = s;
        while (i < e && t.ends[i] <= at) {
            i++;
        }
        int open = -1;
        for (int j = i - 1; j >= s && j >= i - 8; j--) {
            if (t.words[j].equals("(")) {
                open = j;
                break;
            }
            if (t.words[j].equals(")")) {
                break;
            }
        }
        int end = e;
        if (open >= 0) {
            i = open;
            for (int j = i + 1; j < e; j++) {
                if (t.words[j].equals(")")) {
                    end = j + 1;
                    break;
                }
            }
        } else if (t.words[i].equals("/")) {
            for (int k = 0; k < 3 && i > s && Character.isUpperCase(t.words[i - 1].charAt(0)); k++) {
                i--;
            }
        }
        java.util.Arrays.fill(z, i, end, DROP);
    }

    /**
     * "TRONDHEIM, Norway (Reuters) -" or "AUSTIN, Texas, Aug 24 (Gulf Coast Ledger) -": an all-caps place, its
     * region, a date and the agency before a dash that opens the story.
     */
    private static void dropDateline(TokenizedText t, int s, int e, byte[] z) {
        if (!Features.allCaps(t.words[s]) || t.words[s].length() < 3 || s + 1 >= e) {
            return;
        }
        for (int i = s + 1; i < e && i < s + 16; i++) {
            String w = t.words[i];
            if (w.equals("-") || w.equals("\u2014") || w.equals("\u2013") || w.equals("--")) {
                // A shouted headline ("RUGBY UNION - ENGLAND WIN") is no dateline: the story after it is prose.
                if (i + 1 < t.size && !Features.allCaps(t.words[i + 1])) {
                    java.util.Arrays.fill(z, s, i, DROP);
                }
                return;
            }
            if (!(Character.isUpperCase(w.charAt(0)) || Character.isDigit(w.charAt(0)) || w.equals(",")
                    || w.equals("(") || w.equals(")") || w.equals("."))) {
                return;
            }
        }
    }

    /** Only the gap before the token is read, so checking every sentence stays linear in the text. */
    private static boolean lineStart(TokenizedText t, int s) {
        if (s == 0) {
            return true;
        }
        for (int i = t.ends[s - 1]; i < t.starts[s]; i++) {
            if (t.text.charAt(i) == '\n') {
                return true;
            }
        }
        return false;
    }

    /** A sentence that ends on . ! ? (or a quote after them) is prose, not a headline, however many capitals. */
    private static boolean endsLikeProse(TokenizedText t, int e) {
        for (int i = e - 1; i >= 0 && i >= e - 2; i--) {
            String w = t.words[i];
            char c = w.charAt(w.length() - 1);
            if (c == '.' || c == '!' || c == '?' || c == '\u2026') {
                return true;
            }
            if ("\"'\u201d\u2019)".indexOf(c) < 0) {
                return false;
            }
        }
        return false;
    }

    /**
     * A line of body text is a headline only when it capitalises words that are not names: two or more capitalised
     * common words after its first, and not two numbers (a results table, "Leeds 2 Hull 1", is not a headline).
     */
    private boolean headlineWords(TokenizedText t, int s, int e, Set<String> lower, byte[] z) {
        int common = 0;
        int numbers = 0;
        for (int i = s; i < e; i++) {
            String w = t.words[i];
            if (z[i] == DROP) {
                continue;
            }
            if (Character.isDigit(w.charAt(0))) {
                numbers++;
            } else if (i > s && Character.isUpperCase(w.charAt(0)) && !Features.allCaps(w)) {
                String f = KnownEntities.fold(w);
                if (lower.contains(f) || this.common.contains(f)) {
                    common++;
                }
            }
        }
        return common >= 2 && numbers < 2;
    }

    private static void markShoutedLines(TokenizedText t, byte[] z) {
        int a = 0;
        for (int i = 1; i <= t.size; i++) {
            if (i == t.size || lineStart(t, i)) {
                if (!t.words[i - 1].equals(".") && shouted(t, a, i)) {
                    for (int k = a; k < i; k++) {
                        z[k] = z[k] == DROP ? DROP : HEADLINE;
                    }
                }
                a = i;
            }
        }
    }

    /**
     * Six or more words, every one in capitals, no number and no dash: a shouted headline, whose capitals say
     * nothing (not a wire slug "SOCCER - LEAGUE" or a results line).
     */
    private static boolean shouted(TokenizedText t, int s, int e) {
        int words = 0;
        for (int i = s; i < e; i++) {
            char c = t.words[i].charAt(0);
            if (Character.isDigit(c) || c == '-' || c == '\u2013' || c == '\u2014') {
                return false;
            }
            if (Features.hasLetter(t.words[i])) {
                if (!Features.allCaps(t.words[i])) {
                    return false;
                }
                words++;
            }
        }
        return words >= 6;
    }

    /** At least three content words and at least three in four of them capitalised. */
    static boolean titleCase(TokenizedText t, int s, int e, byte[] z) {
        int content = 0;
        int caps = 0;
        for (int i = s; i < e; i++) {
            String w = t.words[i];
            if (z[i] == DROP || !Character.isLetter(w.charAt(0)) || FUNCTION_WORDS.contains(w.toLowerCase(Locale.ROOT))) {
                continue;
            }
            content++;
            if (Character.isUpperCase(w.charAt(0))) {
                caps++;
            }
        }
        return content >= 3 && caps * 4 >= content * 3;
    }
}
