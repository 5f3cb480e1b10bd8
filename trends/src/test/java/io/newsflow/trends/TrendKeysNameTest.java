package io.newsflow.trends;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** What a reader sees as the name of a trend key that is not an entity's. */
class TrendKeysNameTest {
    @Test
    void countriesByTheirEnglishNameLabelsAsTheyAreEntitiesFromTheIndex() {
        assertEquals("Venezuela", TrendKeys.nameOf("country:VE"));
        assertEquals("United Kingdom", TrendKeys.nameOf("country:GB"));
        assertEquals("military", TrendKeys.nameOf("label:military"));
        // A code outside ISO 3166-1 (the linker's "XK" for Kosovo) stays a code rather than "Unknown Region".
        assertEquals("XK", TrendKeys.nameOf("country:XK"));
        assertEquals("ZZ", TrendKeys.nameOf("country:ZZ"));
        assertNull(TrendKeys.nameOf("Q7747"));
    }
}
