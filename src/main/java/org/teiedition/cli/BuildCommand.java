package org.teiedition.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.teiedition.Diagnostic;
import org.teiedition.Trace;
import org.teiedition.pipeline.Build;
import org.teiedition.pipeline.BuildOptions;
import org.teiedition.pipeline.BuildResult;
import org.teiedition.pipeline.Warmup;
import org.teiedition.site.Shard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "build", mixinStandardHelpOptions = true, footer = Main.ENVIRONMENT,
        description = "Validate TEI documents and write their editions to OUT/<document>/ "
                + "(reading.html, diplomatic.html, print.pdf); a folder also gets the corpus pages (OUT/index.html, "
                + "registers, search). Unchanged documents are not rebuilt (state in OUT/.tei-edition/).")
final class BuildCommand implements Callable<Integer> {
    @Mixin
    EditionOptions options;

    @Option(names = "--shard", paramLabel = "I/N",
            description = "Build only shard I of N (by a stable hash of each document's name) and no corpus pages; "
                    + "copy the shards' OUT folders together, then run build --merge.")
    String shard;

    @Option(names = "--merge", description = "Only make the corpus pages of OUT from the document summaries under "
            + "OUT/.tei-edition/ (e.g. after copying the outputs of --shard builds together).")
    boolean merge;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Trace.at("build command");
        PrintWriter err = spec.commandLine().getErr();
        BuildOptions chosen = options.buildOptions(spec, shard());
        if (merge) return merge(new Build(Warmup.toolkit()), chosen, err, new Progress(err));
        Build build = new Build(SchemaFiles.toolkit(spec, Warmup.toolkit(), options.schemaSettings(spec)));
        BuildResult result = build.run(chosen, new Progress(err));
        BuildReport.print(err, result, chosen);
        return result.ok() ? Main.OK : Main.FAILED;
    }

    private Shard shard() {
        if (shard == null) return null;
        try {
            return Shard.parse(shard);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private static int merge(Build build, BuildOptions chosen, PrintWriter err, Progress progress) {
        try {
            Build.Merged m = build.merge(chosen, progress);
            m.refused().forEach(d -> err.println(d.format()));
            m.warnings().forEach(w -> err.println(w.format()));
            err.printf("merged %s into the corpus pages of %s (%s written)%n",
                    BuildReport.count(m.documents(), "document summary", "document summaries"), chosen.output(),
                    BuildReport.count(m.files(), "file", "files"));
            return m.refused().isEmpty() ? Main.OK : Main.FAILED;
        } catch (IOException | RuntimeException e) {
            err.println(Diagnostic.error(chosen.output().toString(), "cannot merge: " + Build.message(e)).format());
            return Main.FAILED;
        }
    }
}
