package io.newsflow.events;

import java.util.List;

/** A named entity of an article under its canonical name, with every place the article mentions it. */
public record Entity(String name, EntityType type, List<Mention> mentions) {
    public Entity {
        mentions = List.copyOf(mentions);
    }
}
