package io.newsflow.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.events.Seeds;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;

/** No Docker engine runs here, so docker-compose.yml is kept correct by reading it and parsing its commands. */
class DockerComposeTest {
    static final Path ROOT = Seeds.dir().getParent();

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> services() throws Exception {
        try (Reader r = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
            Map<String, Object> doc = new Yaml().load(r);
            return (Map<String, Map<String, Object>>) doc.get("services");
        }
    }

    @Test
    void brokerIsTheOfficialKafkaImageInKraftModeWithAHealthcheck() throws Exception {
        Map<String, Object> kafka = services().get("kafka");
        assertTrue(String.valueOf(kafka.get("image")).startsWith("apache/kafka:"), "official image");
        @SuppressWarnings("unchecked")
        Map<String, Object> env = (Map<String, Object>) kafka.get("environment");
        assertEquals("broker,controller", env.get("KAFKA_PROCESS_ROLES"));
        assertEquals(1, env.get("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR"), "exactly-once on one node");
        assertNotNull(kafka.get("healthcheck"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyNewsflowServiceRunsAValidNewsflowCommand() throws Exception {
        Map<String, Map<String, Object>> services = services();
        for (String stage : List.of("ingest", "enrich", "sink", "trends")) {
            assertTrue(services.containsKey(stage), stage + " service");
        }
        int checked = 0;
        for (Map.Entry<String, Map<String, Object>> e : services.entrySet()) {
            if (e.getKey().equals("kafka")) {
                continue;
            }
            List<String> command = (List<String>) e.getValue().get("command");
            assertNotNull(command, e.getKey() + " has a command");
            CommandLine.ParseResult parsed = Newsflow.commandLine().parseArgs(command.toArray(String[]::new));
            assertTrue(parsed.hasSubcommand(), e.getKey() + ": " + command);
            assertTrue(command.contains("kafka:29092"), e.getKey() + " talks to the compose broker");
            checked++;
        }
        assertEquals(5, checked);
        assertNotNull(services.get("topics").get("build"), "one service builds the image from this repository");
    }

    @Test
    @SuppressWarnings("unchecked")
    void seedsAndOutputAreMountedAndStagesHaveHealthchecks() throws Exception {
        Map<String, Map<String, Object>> services = services();
        assertTrue(((List<String>) services.get("ingest").get("volumes")).contains("./seeds:/data/seeds:ro"));
        assertTrue(((List<String>) services.get("sink").get("volumes")).contains("./out:/data/out"));
        assertNotNull(services.get("enrich").get("healthcheck"));
        assertNotNull(services.get("sink").get("healthcheck"));
        assertNotNull(services.get("trends").get("healthcheck"));
    }

    @Test
    void dockerfileBuildsTheJarAndRunsItOnAJre() throws Exception {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        assertTrue(dockerfile.contains("mvn -B -q -DskipTests package"));
        assertTrue(dockerfile.contains("FROM eclipse-temurin:17."), "a JRE 17 image");
        java.util.regex.Matcher from = java.util.regex.Pattern.compile("(?m)^FROM (\\S+)").matcher(dockerfile);
        int images = 0;
        while (from.find()) {
            images++;
            assertTrue(from.group(1).matches("[a-z0-9./-]+:\\d+\\.\\d+\\.\\d+[\\w.-]*"),
                    "base image pinned to an exact version: " + from.group(1));
        }
        assertEquals(2, images);
        assertTrue(dockerfile.indexOf("dependency:go-offline") < dockerfile.indexOf("COPY events/src"),
                "the dependency layer is built from the pom files before the sources are copied");
        assertTrue(dockerfile.contains("ENTRYPOINT [\"java\", \"-jar\", \"/opt/newsflow/newsflow.jar\"]"));
        for (String module : List.of("events", "ingest", "enrich", "sink", "trends", "runtime", "tools",
                "app")) {
            assertTrue(dockerfile.contains("COPY " + module + "/src " + module + "/src"), module);
        }
        assertFalse(dockerfile.contains("ADD http"), "nothing downloaded outside Maven");
    }

    @Test
    @SuppressWarnings("unchecked")
    void brokerDataLivesOnTheVolumeAndTheSinkRunsAsTheHostUser() throws Exception {
        Map<String, Object> kafka = services().get("kafka");
        Map<String, Object> env = (Map<String, Object>) kafka.get("environment");
        assertEquals("/var/lib/kafka/data", env.get("KAFKA_LOG_DIRS"));
        assertTrue(((List<String>) kafka.get("volumes")).contains("kafka-data:/var/lib/kafka/data"));
        assertTrue(String.valueOf(kafka.get("image")).matches("apache/kafka:\\d+\\.\\d+\\.\\d+"),
                "exact broker version");
        assertEquals("${NEWSFLOW_UID:-10001}:${NEWSFLOW_GID:-10001}", services().get("sink").get("user"));
    }

    /**
     * The compose file against the Compose schema, with Debian's docker-compose (installed by .ci/run), which
     * validates without an engine. Under CI a missing CLI fails; elsewhere it skips with a message.
     */
    @Test
    void composeCliAcceptsTheFile() throws Exception {
        Path cli = null;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, "docker-compose");
            if (Files.isExecutable(p)) {
                cli = p;
                break;
            }
        }
        if (cli == null) {
            String msg = "docker-compose is not installed (Debian package docker-compose)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                org.junit.jupiter.api.Assertions.fail(msg + ": CI=true, so the compose file must be validated");
            }
            org.junit.jupiter.api.Assumptions.abort(msg + "; skipped because CI is not set");
        }
        Process p = new ProcessBuilder(cli.toString(), "-f", ROOT.resolve("docker-compose.yml").toString(), "config",
                "-q").redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "docker-compose config finished");
        assertEquals(0, p.exitValue(), output);
    }
}
