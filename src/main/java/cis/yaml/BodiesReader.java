package cis.yaml;

import cis.model.Body;
import cis.model.Catalog;
import cis.model.Source;
import java.util.List;
import java.util.Optional;

/** Reads bodies.yaml: the councils and organs, with names, abbreviations and a description. */
final class BodiesReader {
    private final LoadContext ctx;

    BodiesReader(LoadContext ctx) {
        this.ctx = ctx;
    }

    Catalog<Body> read(Fields top) {
        ctx.readCatalogue(top);
        List<Body> bodies = top.mappings("bodies", true, "a body", this::readBody);
        top.finish();
        return Catalog.of(bodies, Body::names, Body::name);
    }

    private Optional<Body> readBody(Fields f) {
        Optional<String> id = ctx.id(f, "body");
        Optional<String> name = f.required("name", Scalars::text);
        Optional<String> nameRu = f.optional("nameRu", Scalars::text);
        List<String> abbreviations = f.listOf("abbreviations", false, Scalars::text);
        List<String> aliases = f.listOf("aliases", false, Scalars::text);
        Optional<String> description = f.required("description", Scalars::text);
        ctx.claimNames(
                f,
                "body",
                name.orElse(id.orElse("?")),
                List.of("id", "name", "nameRu"),
                List.of("abbreviations", "aliases"));
        List<Source> sources = ctx.sources(f);
        if (id.isEmpty() || name.isEmpty() || description.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Body(id.get(), name.get(), nameRu, abbreviations, aliases, description.get(), sources));
    }
}
