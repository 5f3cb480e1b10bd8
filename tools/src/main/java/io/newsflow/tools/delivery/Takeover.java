package io.newsflow.tools.delivery;

import java.util.Set;

/**
 * What a killed instance left and who finished it: its partitions in one consumer group and the offsets committed on
 * them at the kill, when the survivors were assigned them, and after. It stays down throughout, so progress past the
 * second figure is the survivors' work.
 *
 * @param victim              the killed instance ({@code enrich-2})
 * @param group               the consumer group (application id) the partitions belong to
 * @param partitions          the partitions it owned when it was killed
 * @param committedAtKill     the offsets committed on them just after the kill, summed: above 0 when the victim had
 *                            produced output
 * @param committedAtTakeover the same sum when the survivors were first seen owning all of them (-1: never)
 * @param committedAfter      the same sum once it moved past that (or when the wait gave up)
 * @param secondsToTakeover   from the kill to the survivors owning the partitions
 */
public record Takeover(String victim, String group, Set<Integer> partitions, long committedAtKill,
                       long committedAtTakeover, long committedAfter, double secondsToTakeover) {
    /** The victim had produced output, the survivors were assigned its partitions and moved them on. */
    public boolean proven() {
        return !partitions.isEmpty() && committedAtKill > 0 && committedAtTakeover >= 0
                && committedAfter > committedAtTakeover;
    }

    String render() {
        return String.format("%s partitions %s of %s: committed %d at the kill; survivors assigned them after %.1f s "
                        + "at %d and took them to %d%s", group, partitions, victim, committedAtKill, secondsToTakeover,
                committedAtTakeover, committedAfter, proven() ? "" : "  NOT PROVEN");
    }
}
