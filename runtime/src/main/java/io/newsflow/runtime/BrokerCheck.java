package io.newsflow.runtime;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The start-up check of every stage: within the start-up timeout the broker must answer and the topics the stage
 * needs must exist, else the command stops with exit 3 and one line naming the bootstrap servers or the missing
 * topic. Reachability is probed with plain TCP first, so an unreachable broker costs no Kafka client retries.
 */
public final class BrokerCheck {
    private BrokerCheck() {
    }

    /** Returns once the broker answers and every topic in {@code topics} exists, else a StartupException. */
    public static void require(Map<String, Object> kafka, Collection<String> topics, Duration timeout)
            throws InterruptedException {
        String bootstrap = String.valueOf(kafka.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG));
        long deadline = System.nanoTime() + timeout.toNanos();
        reachable(bootstrap, deadline, timeout);
        Map<String, Object> config = new HashMap<>(kafka);
        int left = (int) Math.max(1_000, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, left);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, left);
        Set<String> existing;
        try (Admin admin = Admin.create(config)) {
            existing = admin.listTopics().names().get(left, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            throw new StartupException("cannot list topics on Kafka at " + bootstrap
                    + (cause instanceof TimeoutException || cause instanceof org.apache.kafka.common.errors.TimeoutException
                    ? " within " + timeout.toSeconds() + " s" : ""), cause);
        }
        for (String topic : topics) {
            if (!existing.contains(topic)) {
                throw new StartupException("topic " + topic + " does not exist: run `newsflow topics create`"
                        + " first (Kafka at " + bootstrap + ")", null);
            }
        }
    }

    /** Until the deadline, tries each bootstrap address in turn; one that accepts a connection is enough. */
    private static void reachable(String bootstrap, long deadline, Duration timeout) throws InterruptedException {
        List<InetSocketAddress> addresses = new ArrayList<>();
        for (String server : bootstrap.split(",")) {
            String s = server.strip();
            int colon = s.lastIndexOf(':');
            if (s.isEmpty() || colon <= 0) {
                throw new StartupException("bootstrap server '" + s + "' is not HOST:PORT", null);
            }
            String host = s.substring(0, colon).replace("[", "").replace("]", "");
            try {
                addresses.add(InetSocketAddress.createUnresolved(host, Integer.parseInt(s.substring(colon + 1))));
            } catch (IllegalArgumentException e) {
                throw new StartupException("bootstrap server '" + s + "' is not HOST:PORT", null);
            }
        }
        String last = "no answer";
        long pause = 100;
        while (true) {
            for (InetSocketAddress a : addresses) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    break;
                }
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(a.getHostString(), a.getPort()),
                            (int) Math.min(left, Integer.MAX_VALUE));
                    return;
                } catch (IOException e) {
                    last = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                }
            }
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                throw new StartupException("cannot reach Kafka at " + bootstrap + " within "
                        + timeout.toSeconds() + " s (" + last + ")", null);
            }
            Thread.sleep(Math.min(pause, left));
            pause = Math.min(pause * 2, 1_000);
        }
    }
}
