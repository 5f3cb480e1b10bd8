package io.newsflow.tools.delivery;

import java.util.Set;

/**
 * What a killed instance left and who finished it: its partitions in one consumer group, the offsets committed on
 * them at the kill, when the survivors were assigned them and after, and the records those offsets cover. It stays
 * down throughout, so records past the second point are the survivors' work.
 *
 * @param victim              the killed instance ({@code enrich-2})
 * @param group               the consumer group (application id) the partitions belong to
 * @param partitions          the partitions it owned when it was killed
 * @param committedAtKill     the offsets committed on them just after the kill, summed
 * @param committedAtTakeover the same sum when the survivors were first seen owning all of them (-1: never)
 * @param committedAfter      the same sum once it moved past that (or when the wait gave up)
 * @param recordsBeforeKill   committed records below the offsets at the kill: the victim's output (offsets alone
 *                            also count transaction markers)
 * @param recordsTakenOver    committed records between the offsets at the takeover and after: the survivors' work
 * @param secondsToTakeover   from the kill to the survivors owning the partitions (-1: never)
 */
public record Takeover(String victim, String group, Set<Integer> partitions, long committedAtKill,
                       long committedAtTakeover, long committedAfter, long recordsBeforeKill, long recordsTakenOver,
                       double secondsToTakeover) {
    /** The victim had produced output, the survivors were assigned its partitions and processed records on them. */
    public boolean proven() {
        return !partitions.isEmpty() && recordsBeforeKill > 0 && committedAtTakeover >= 0 && recordsTakenOver > 0;
    }

    String render() {
        return String.format("%s partitions %s of %s: %d records done before the kill (offsets %d); survivors "
                        + "assigned them after %.1f s (offsets %d) and did %d more (offsets %d)%s", group, partitions,
                victim, recordsBeforeKill, committedAtKill, secondsToTakeover, committedAtTakeover, recordsTakenOver,
                committedAfter, proven() ? "" : "  NOT PROVEN");
    }
}
