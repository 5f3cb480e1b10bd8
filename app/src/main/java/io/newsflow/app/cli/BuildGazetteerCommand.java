package io.newsflow.app.cli;

import io.newsflow.runtime.Exit;
import io.newsflow.enrich.linking.KbEntry;
import io.newsflow.tools.linking.KnowledgeBaseBuilder;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Rebuilds the linker's knowledge base from the open data; the same inputs give the same bytes. */
@Command(name = "build-gazetteer", mixinStandardHelpOptions = true,
        description = "Build the entity linker's knowledge base (countries, regions, cities >= 15,000, heads of "
                + "state and government, international organisations, news outlets) from the open data in "
                + "--data and the project's hand lists in --hand-lists.")
public final class BuildGazetteerCommand implements Callable<Integer> {
    @Option(names = "--data", defaultValue = "../shared/data/gazetteer", paramLabel = "DIR",
            description = "Directory with owid_countries_regions.csv, geonames_countryInfo.tsv, cities15000.zip, "
                    + "wikidata_leaders_current.csv, supraverden_general_list.yaml (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--hand-lists", defaultValue = "enrich/src/kb", paramLabel = "DIR",
            description = "Directory with the project's regions.tsv, people.tsv, organizations.tsv, places.tsv "
                    + "(default: ${DEFAULT-VALUE}).")
    Path handLists;

    @Option(names = "--out", defaultValue = "enrich/src/main/resources/kb/newsflow-kb.tsv.gz", paramLabel = "FILE",
            description = "File to write (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws Exception {
        for (Path p : List.of(data, handLists)) {
            if (!Files.isDirectory(p)) {
                System.err.println("build-gazetteer: no directory " + p.toAbsolutePath());
                return Exit.USAGE;
            }
        }
        List<KbEntry> entries = new KnowledgeBaseBuilder(data, handLists, System.out).build();
        Path target = out.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), ".kb", ".tmp");
        try (OutputStream o = Files.newOutputStream(tmp)) {
            KnowledgeBaseBuilder.write(entries, o);
        }
        try {
            Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the temporary file's permissions stand
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.printf("wrote %s (%,d bytes)%n", out, Files.size(target));
        return Exit.OK;
    }
}
