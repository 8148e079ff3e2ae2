package cis;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The package layering, in one place (see also the Development section of the README):
 *
 * <pre>
 *             Main (wires the commands, owns the process, exit codes)
 *            /      \
 *        shell  →   cli        commands, options, converters; domain views
 *                   |   \   \   \
 *                   |  update \  \        fetch, verify and install KB bundles (cis update, cis kb)
 *                   |    |     \  \
 *               query  store   render    render: generic writers (table, csv, json, ics …)
 *                   \   |  \
 *                    \  |   yaml         the strict loader (file:line:col problems)
 *                     \ |  /
 *                     model              records, names, partial dates — the bottom floor
 * </pre>
 *
 * Arrows point down only; a package that reaches up, or any cycle between packages, fails here.
 */
class LayeringTest {
    static final JavaClasses CIS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cis");

    @Test
    void arrowsPointDownOnly() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("main")
                .definedBy("cis")
                .layer("shell")
                .definedBy("cis.shell..")
                .layer("cli")
                .definedBy("cis.cli..")
                .layer("update")
                .definedBy("cis.update..")
                .layer("query")
                .definedBy("cis.query..")
                .layer("store")
                .definedBy("cis.store..")
                .layer("render")
                .definedBy("cis.render..")
                .layer("yaml")
                .definedBy("cis.yaml..")
                .layer("model")
                .definedBy("cis.model..")
                .whereLayer("main")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("shell")
                .mayOnlyBeAccessedByLayers("main")
                .whereLayer("cli")
                .mayOnlyBeAccessedByLayers("main", "shell")
                .whereLayer("update")
                .mayOnlyBeAccessedByLayers("cli")
                .whereLayer("query")
                .mayOnlyBeAccessedByLayers("cli")
                .whereLayer("store")
                .mayOnlyBeAccessedByLayers("main", "cli", "shell", "update")
                .whereLayer("render")
                .mayOnlyBeAccessedByLayers("main", "cli", "shell")
                .whereLayer("yaml")
                .mayOnlyBeAccessedByLayers("store")
                .whereLayer("model")
                .mayOnlyBeAccessedByLayers("cli", "shell", "query", "update", "store", "yaml")
                .check(CIS);
    }

    @Test
    void noPackageCycles() {
        slices().matching("cis.(**)").should().beFreeOfCycles().check(CIS);
    }
}
