package io.newsflow.enrich.linking;

import java.util.List;

/**
 * One thing the linker can point at: a country, a first-level region, a city, another place, a person or an
 * organisation, with the facts a link carries (Wikidata id, ISO 3166-1 alpha-2 country, coordinates) and the facts
 * the linker weighs (population, a capital, the titles of a person's office).
 *
 * @param id         a stable key: the Wikidata id when there is one, else {@code geonames:<id>} or
 *                   {@code kb:<kind>:<name>}
 * @param population 0 when unknown; for countries and regions the sum over their cities of 15,000 or more
 * @param lat        null when the entry has no place on the map (people, organisations, seas)
 */
public record KbEntry(String id, Kind kind, String name, List<String> aliases, String country, String admin1,
                      long population, Double lat, Double lon, String wikidata, List<String> titles,
                      boolean capital) {
    public KbEntry {
        aliases = List.copyOf(aliases);
        titles = List.copyOf(titles);
    }

    /** What an entry is; the linker matches LOCATION entities to the first four, the others to their type. */
    public enum Kind {
        COUNTRY, REGION, CITY, PLACE, PERSON, ORGANIZATION,
        /** A nationality word ("Russian", "Iranian"): never linked itself, it ties "Russian Navy" to Russia. */
        NATIONALITY;

        public boolean isPlace() {
            return this == COUNTRY || this == REGION || this == CITY || this == PLACE;
        }
    }

    /** Whether this place lies inside {@code container} (a country or a region), as far as the entries say. */
    public boolean within(KbEntry container) {
        if (country == null || !country.equals(container.country) || this == container) {
            return false;
        }
        return switch (container.kind) {
            case COUNTRY -> kind != Kind.COUNTRY;
            case REGION -> kind == Kind.CITY && admin1 != null && admin1.equals(container.admin1);
            default -> false;
        };
    }
}
