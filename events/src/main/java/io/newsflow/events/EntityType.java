package io.newsflow.events;

/** The four entity classes of the CoNLL-2003 convention, which every extractor must map onto. */
public enum EntityType { PERSON, ORGANIZATION, LOCATION, MISC }
