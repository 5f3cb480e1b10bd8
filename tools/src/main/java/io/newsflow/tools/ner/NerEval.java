package io.newsflow.tools.ner;

import io.newsflow.enrich.ner.EntityExtractor;
import io.newsflow.enrich.ner.KnownEntities;
import io.newsflow.events.Article;
import io.newsflow.events.Entity;
import io.newsflow.events.Mention;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a real {@link EntityExtractor} on CoNLL documents (tokens joined by single spaces, as an article body), maps
 * every mention back onto CoNLL tokens and scores it; the time counted is extraction only, tokenisation included.
 */
public final class NerEval {
    private NerEval() {
    }

    /** The scores and the seconds spent inside the extractor. */
    public record Result(NerEvaluation scores, double seconds) {
        public double tokensPerSecond() {
            return scores.tokens() / seconds;
        }
    }

    public static Result run(EntityExtractor extractor, List<Conll.Doc> docs, PrintWriter predictions) {
        NerEvaluation eval = new NerEvaluation();
        long nanos = 0;
        int k = 0;
        for (Conll.Doc doc : docs) {
            Article article = new Article(Article.SCHEMA_VERSION, "conll-" + k++, "conll2003", null, "", doc.text,
                    null, null, Instant.EPOCH, "en");
            long t0 = System.nanoTime();
            List<Entity> entities = extractor.extract(article);
            nanos += System.nanoTime() - t0;
            List<Conll.Span> spans = new ArrayList<>();
            for (Entity e : entities) {
                int type = KnownEntities.typeIndex(e.type());
                for (Mention m : e.mentions()) {
                    spans.add(doc.toTokens(m.start(), m.end(), type));
                }
            }
            spans.sort(java.util.Comparator.comparingInt(Conll.Span::start));
            eval.add(doc, spans, predictions);
        }
        return new Result(eval, nanos / 1e9);
    }
}
